import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-CEC5WFBC.js";
import "./chunk-E3IG4JMM.js";
import "./chunk-RWUI3HGZ.js";
import "./chunk-ZWQXVJFA.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
