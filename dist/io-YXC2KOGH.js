import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-VO7ATNPE.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-ITMMUFQO.js";
import "./chunk-NPZEZD36.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
