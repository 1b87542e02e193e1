import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-AWWO2HZK.js";
import "./chunk-GBQS2OYI.js";
import "./chunk-N47RY2VG.js";
import "./chunk-CHNFL543.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
