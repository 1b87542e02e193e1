import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-GXZMFWST.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-VNSZATLU.js";
import "./chunk-AC4BFR7G.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
