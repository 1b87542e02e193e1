import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-OATWVRJQ.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-M2DITRJF.js";
import "./chunk-5XHCCP4S.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
