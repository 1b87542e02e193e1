import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-VIXDQQI4.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-A7CF3FD5.js";
import "./chunk-L7LKXPPR.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
