import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-R4B4J4BP.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-EEQEIZ3I.js";
import "./chunk-YFYCVYDJ.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
