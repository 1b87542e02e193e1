import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-ESPY2XQR.js";
import "./chunk-7AKTWX5C.js";
import "./chunk-APLT2BD2.js";
import "./chunk-W2J36ZG6.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
