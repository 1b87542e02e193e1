import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-5XHJCGFC.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-FJL3EK5P.js";
import "./chunk-YN5K4ITV.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
