import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-PZM53LVT.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-RUCV4IMJ.js";
import "./chunk-IDBHHJRK.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
