import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-TO2NSDN4.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-Z65LJDD3.js";
import "./chunk-IFD2QPCO.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
