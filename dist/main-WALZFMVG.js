import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-E73WFFR6.js";
import "./chunk-U6HD2NFH.js";
import "./chunk-UDNLPI5Q.js";
import "./chunk-NJY4FL4U.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
