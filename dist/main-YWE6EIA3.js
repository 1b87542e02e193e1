import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-PD4OOTFA.js";
import "./chunk-5IE3POLB.js";
import "./chunk-GCOJZHG2.js";
import "./chunk-TC6GM6K3.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
