import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-I7DJIG2Z.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-H3WXF3HK.js";
import "./chunk-YHBYXRAL.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
