import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-VN3H5FQK.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-DQ5FYXXL.js";
import "./chunk-SKXTLETN.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
