import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-LT7B3A4B.js";
import "./chunk-NZCYPGEF.js";
import "./chunk-QBQH55WP.js";
import "./chunk-JTITXUH7.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
