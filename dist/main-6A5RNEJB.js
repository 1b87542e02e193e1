import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-J7YVWWSZ.js";
import "./chunk-3EZXWUBP.js";
import "./chunk-RKWPYQXV.js";
import "./chunk-XEU6YPXX.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
