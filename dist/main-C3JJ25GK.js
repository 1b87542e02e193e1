import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-J25ENWEE.js";
import "./chunk-CPRYIDJM.js";
import "./chunk-ZQHYYHMV.js";
import "./chunk-IGZFYLYW.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
