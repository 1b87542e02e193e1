import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-PSYYRZ7G.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-RWUI3HGZ.js";
import "./chunk-ZWQXVJFA.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
