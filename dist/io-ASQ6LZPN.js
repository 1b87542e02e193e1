import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-P5UOGQCL.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-FPNIDDPY.js";
import "./chunk-U2L3CT35.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
