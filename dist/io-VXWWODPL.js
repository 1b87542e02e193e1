import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-LA6NHKCB.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-ODF5WPCH.js";
import "./chunk-QWHAPBTD.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
