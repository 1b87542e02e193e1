import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-DSUR4JPX.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-CF4XB2PW.js";
import "./chunk-PNTOZZ7X.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
