import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-CRRBZZOZ.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-NRFNAPJH.js";
import "./chunk-I7S5FB5J.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
