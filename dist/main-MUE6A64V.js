import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-RTP7CZQX.js";
import "./chunk-C35BSEAR.js";
import "./chunk-CFOFNEI4.js";
import "./chunk-6NVEQVBB.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
