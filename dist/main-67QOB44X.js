import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-4BXQDX2U.js";
import "./chunk-UM5EQHTB.js";
import "./chunk-RLGCQWEF.js";
import "./chunk-TZRRCNUP.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
