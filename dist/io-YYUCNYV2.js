import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-Y672IW2D.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-DLOB66J6.js";
import "./chunk-QA3XIIBU.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
