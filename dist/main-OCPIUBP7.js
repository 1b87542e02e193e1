import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-XIFO3XPB.js";
import "./chunk-VKFFOTVC.js";
import "./chunk-NRFNAPJH.js";
import "./chunk-I7S5FB5J.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
