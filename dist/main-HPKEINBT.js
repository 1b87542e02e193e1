import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-G6YUZBY4.js";
import "./chunk-WAPFALLW.js";
import "./chunk-6IKZUKKY.js";
import "./chunk-R2X3K5IO.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
