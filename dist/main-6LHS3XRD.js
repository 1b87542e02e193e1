import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-33ZJPHM7.js";
import "./chunk-VXPJ4S5C.js";
import "./chunk-ITMMUFQO.js";
import "./chunk-NPZEZD36.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
