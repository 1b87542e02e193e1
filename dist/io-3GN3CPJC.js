import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-OQWDU25O.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-CXHPPFNB.js";
import "./chunk-TGN3F3MH.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
