import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-KXYYW5MG.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-3OHLQMOL.js";
import "./chunk-HH2HTC4D.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
