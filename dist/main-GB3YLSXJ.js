import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-6KZK3MUQ.js";
import "./chunk-RWWBDEUK.js";
import "./chunk-5MCCNYB4.js";
import "./chunk-F27KX5V5.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
