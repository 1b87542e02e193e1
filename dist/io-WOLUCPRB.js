import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-HNPAGZYO.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-YAMOJLUG.js";
import "./chunk-SYKBES43.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
