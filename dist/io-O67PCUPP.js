import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-2OIXAFUB.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-N47RY2VG.js";
import "./chunk-CHNFL543.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
