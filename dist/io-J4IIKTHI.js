import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-6W3SOIIS.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-3YOKWPAG.js";
import "./chunk-JH4GSOKK.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
