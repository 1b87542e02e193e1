import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-UYPY3H22.js";
import "./chunk-V25YTYPV.js";
import "./chunk-3OHLQMOL.js";
import "./chunk-HH2HTC4D.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
