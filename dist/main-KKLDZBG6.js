import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-ZU6WCO2D.js";
import "./chunk-RBE34222.js";
import "./chunk-EEQEIZ3I.js";
import "./chunk-YFYCVYDJ.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
