import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-YEUQXHA3.js";
import "./chunk-JYWTMGLY.js";
import "./chunk-H3WXF3HK.js";
import "./chunk-YHBYXRAL.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
