import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-ASTO3D44.js";
import "./chunk-SBYQI2RY.js";
import "./chunk-VNSZATLU.js";
import "./chunk-AC4BFR7G.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
