import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-CU2TQNUX.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-M4BQA2OR.js";
import "./chunk-5K2WDFNT.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
