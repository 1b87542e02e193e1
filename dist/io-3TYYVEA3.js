import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-KB7VYDC3.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-5VNOV3L5.js";
import "./chunk-HNUB7P5L.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
