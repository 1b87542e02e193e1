import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-Z6UGBYZQ.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-AGWTKRTO.js";
import "./chunk-4QJSDM7H.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
