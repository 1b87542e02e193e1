import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-G2W75OA2.js";
import "./chunk-G77H2J56.js";
import "./chunk-M2DITRJF.js";
import "./chunk-5XHCCP4S.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
