import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-NLNJPCZI.js";
import "./chunk-IO3WV2GE.js";
import "./chunk-AGWTKRTO.js";
import "./chunk-4QJSDM7H.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
