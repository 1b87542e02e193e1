import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-ISTJDNQC.js";
import "./chunk-LBIZAMQB.js";
import "./chunk-6W4CGVF2.js";
import "./chunk-MFF56RSM.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
