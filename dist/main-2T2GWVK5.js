import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-FOQTPXP6.js";
import "./chunk-CTXDHXIQ.js";
import "./chunk-DLOB66J6.js";
import "./chunk-QA3XIIBU.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
