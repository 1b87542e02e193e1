import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-CMQKFTH5.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-5N5RGH6R.js";
import "./chunk-MPU4UWNE.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
