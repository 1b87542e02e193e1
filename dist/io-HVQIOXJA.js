import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-WEPP33YL.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-UDNLPI5Q.js";
import "./chunk-NJY4FL4U.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
