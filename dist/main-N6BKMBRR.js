import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-MHM76HRK.js";
import "./chunk-4DWTKC3F.js";
import "./chunk-N7QR7EDU.js";
import "./chunk-SKFXSTG6.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
