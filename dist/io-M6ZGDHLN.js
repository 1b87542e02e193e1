import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-TBMU6NBP.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-DTCJSCWW.js";
import "./chunk-KX67J7DS.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
