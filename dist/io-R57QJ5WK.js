import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-WRYGMAYT.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-M2C44RGE.js";
import "./chunk-CCPJPHXD.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
