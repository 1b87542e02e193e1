import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-WT3JHOCJ.js";
import "./chunk-FXP4P5ED.js";
import "./chunk-HMRTLL45.js";
import "./chunk-FAJ4WWAR.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
