import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-NKXE6UBR.js";
import "./chunk-KPUF2YWP.js";
import "./chunk-CF4XB2PW.js";
import "./chunk-PNTOZZ7X.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
