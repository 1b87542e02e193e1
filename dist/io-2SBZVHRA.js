import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-7NIXNYJR.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-UN6EPHYW.js";
import "./chunk-PFZ7SMMF.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
