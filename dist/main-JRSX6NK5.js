import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-N6G6CVHQ.js";
import "./chunk-6QOHL3WX.js";
import "./chunk-M4BQA2OR.js";
import "./chunk-5K2WDFNT.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
