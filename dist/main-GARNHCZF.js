import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-6PZ2MGRX.js";
import "./chunk-HEPFNKQO.js";
import "./chunk-DTCJSCWW.js";
import "./chunk-KX67J7DS.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
