import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-QUNYYXK6.js";
import "./chunk-DHX2KOWT.js";
import "./chunk-UN6EPHYW.js";
import "./chunk-PFZ7SMMF.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
