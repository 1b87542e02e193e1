import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-SWCORUYF.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-GCOJZHG2.js";
import "./chunk-TC6GM6K3.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
