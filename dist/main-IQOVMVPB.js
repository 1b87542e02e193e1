import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-2A7TCYTF.js";
import "./chunk-YNQWSEIM.js";
import "./chunk-ODF5WPCH.js";
import "./chunk-QWHAPBTD.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
