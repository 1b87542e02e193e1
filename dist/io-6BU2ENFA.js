import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-FJXMES6V.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-N7QR7EDU.js";
import "./chunk-SKFXSTG6.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
