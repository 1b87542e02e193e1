import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-IENFKUEH.js";
import "./chunk-IF2YHBPB.js";
import "./chunk-M2C44RGE.js";
import "./chunk-CCPJPHXD.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
