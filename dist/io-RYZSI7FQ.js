import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-NDFVSW4P.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-APLT2BD2.js";
import "./chunk-W2J36ZG6.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
