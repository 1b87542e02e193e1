import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-TIANAXOI.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-NL5EMOD4.js";
import "./chunk-HSYEVFE5.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
