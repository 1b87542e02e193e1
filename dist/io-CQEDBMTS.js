import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-AM5MNT2S.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-DGIZPWLJ.js";
import "./chunk-WWJEVGJA.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
