import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-SKHKUWTT.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-CK7DLICO.js";
import "./chunk-ATKWBAPT.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
