import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-4GGEZUIR.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-KIJQ53PK.js";
import "./chunk-RZUTDXBN.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
