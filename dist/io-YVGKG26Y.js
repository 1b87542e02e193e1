import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-QJ3AISNJ.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-EYYWRNEB.js";
import "./chunk-ZGCNCXQQ.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
