import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-RBE44EDR.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-XSFXE2QD.js";
import "./chunk-DBHNSHBC.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
