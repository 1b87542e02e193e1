import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-DG4COXNP.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-5MCCNYB4.js";
import "./chunk-F27KX5V5.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
