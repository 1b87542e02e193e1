import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-BRO5M2VT.js";
import "./chunk-QR3RJGKZ.js";
import "./chunk-DGIZPWLJ.js";
import "./chunk-WWJEVGJA.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
