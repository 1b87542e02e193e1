import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-QJMFEXD2.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-3FX35NRH.js";
import "./chunk-6WUIXFEP.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
