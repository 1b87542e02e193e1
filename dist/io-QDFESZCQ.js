import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-GXBA2QNP.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-QBQH55WP.js";
import "./chunk-JTITXUH7.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
