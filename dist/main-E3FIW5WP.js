import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-X73T7TD3.js";
import "./chunk-K5HL3BQF.js";
import "./chunk-3FX35NRH.js";
import "./chunk-6WUIXFEP.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
