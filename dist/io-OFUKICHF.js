import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-NL55QF7F.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-WAWGZTTX.js";
import "./chunk-FIE7VMGN.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
