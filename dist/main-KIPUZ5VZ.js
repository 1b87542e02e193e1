import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-K45YPY2W.js";
import "./chunk-EYRXT7F2.js";
import "./chunk-3YOKWPAG.js";
import "./chunk-JH4GSOKK.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
