import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-NKVHQPBS.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-XU47V3AF.js";
import "./chunk-KPRD7NM7.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
