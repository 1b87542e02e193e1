import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-AW4TRGSA.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-RKWPYQXV.js";
import "./chunk-XEU6YPXX.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
