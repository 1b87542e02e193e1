import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-V5XPGB3P.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-HMRTLL45.js";
import "./chunk-FAJ4WWAR.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
