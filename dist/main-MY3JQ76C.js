import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-7GQURDFP.js";
import "./chunk-HCTB3FDV.js";
import "./chunk-FPNIDDPY.js";
import "./chunk-U2L3CT35.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
