import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-IBZBWXCN.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-3RH3XYCY.js";
import "./chunk-3GNJH73X.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
