import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-UWZI7LRG.js";
import "./chunk-7PH6CQU6.js";
import "./chunk-XSFXE2QD.js";
import "./chunk-DBHNSHBC.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
