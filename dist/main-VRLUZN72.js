import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-UVCZJX4G.js";
import "./chunk-H3WBECEV.js";
import "./chunk-WAWGZTTX.js";
import "./chunk-FIE7VMGN.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
