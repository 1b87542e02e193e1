import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-PA7YXJLP.js";
import "./chunk-JA2PFWD2.js";
import "./chunk-5VNOV3L5.js";
import "./chunk-HNUB7P5L.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
