import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-IGNHQV6Y.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-6W4CGVF2.js";
import "./chunk-MFF56RSM.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
