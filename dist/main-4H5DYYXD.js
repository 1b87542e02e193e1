import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-MZS6P2SN.js";
import "./chunk-VTYMPKLH.js";
import "./chunk-5PWFG22P.js";
import "./chunk-6ZQ5LHWL.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
