import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-DA33MN7Z.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-DTCWG6W6.js";
import "./chunk-OKPTHADX.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
