import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-UI4KTNBX.js";
import "./chunk-VNWA272X.js";
import "./chunk-CXHPPFNB.js";
import "./chunk-TGN3F3MH.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
