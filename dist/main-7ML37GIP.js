import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-IN3V7MFL.js";
import "./chunk-HMG4QBOK.js";
import "./chunk-DTCWG6W6.js";
import "./chunk-OKPTHADX.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
