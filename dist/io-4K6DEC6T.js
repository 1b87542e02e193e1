import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-2YCKFMWK.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-YTOIIN3O.js";
import "./chunk-5MDLDI5S.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
