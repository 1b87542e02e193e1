import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-3KTPQENO.js";
import "./chunk-EERQFD3Q.js";
import "./chunk-YAMOJLUG.js";
import "./chunk-SYKBES43.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
