import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-35TVCR5N.js";
import "./chunk-SIE2ZD43.js";
import "./chunk-XU47V3AF.js";
import "./chunk-KPRD7NM7.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
