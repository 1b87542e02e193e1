import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-7KIRVFTI.js";
import "./chunk-ILU53ZZZ.js";
import "./chunk-RUCV4IMJ.js";
import "./chunk-IDBHHJRK.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
