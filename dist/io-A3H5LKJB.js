import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-Z7PX26YQ.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-CFOFNEI4.js";
import "./chunk-6NVEQVBB.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
