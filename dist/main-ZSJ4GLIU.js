import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-46YRSVEU.js";
import "./chunk-GTCBROUZ.js";
import "./chunk-ZBEGT4QM.js";
import "./chunk-BFUWAJMH.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
