import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-NNJ2ANQC.js";
import "./chunk-5JWQMXPJ.js";
import "./chunk-DQ5FYXXL.js";
import "./chunk-SKXTLETN.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
