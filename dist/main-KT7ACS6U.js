import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-LFAR4VDJ.js";
import "./chunk-MN3NO4TA.js";
import "./chunk-CK7DLICO.js";
import "./chunk-ATKWBAPT.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
