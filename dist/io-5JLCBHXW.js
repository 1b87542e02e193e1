import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-LVWPF6WA.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-ZQHYYHMV.js";
import "./chunk-IGZFYLYW.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
