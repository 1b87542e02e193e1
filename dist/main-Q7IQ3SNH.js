import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-7BDGKXKE.js";
import "./chunk-TQ57Q7GB.js";
import "./chunk-5N5RGH6R.js";
import "./chunk-MPU4UWNE.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
