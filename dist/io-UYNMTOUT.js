import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-R2CQWH2I.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-6IKZUKKY.js";
import "./chunk-R2X3K5IO.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
