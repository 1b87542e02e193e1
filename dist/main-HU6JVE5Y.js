import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-HOYANYNU.js";
import "./chunk-Q4EVUBQL.js";
import "./chunk-A7CF3FD5.js";
import "./chunk-L7LKXPPR.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
