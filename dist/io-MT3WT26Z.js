import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-LUQZP2Z2.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-5PWFG22P.js";
import "./chunk-6ZQ5LHWL.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
