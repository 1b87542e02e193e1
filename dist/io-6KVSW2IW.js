import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-5EUEJXAY.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-RLGCQWEF.js";
import "./chunk-TZRRCNUP.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
