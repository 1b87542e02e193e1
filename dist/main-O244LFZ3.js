import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-QYTIFSUV.js";
import "./chunk-KW7IWEHS.js";
import "./chunk-3RH3XYCY.js";
import "./chunk-3GNJH73X.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
