import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-5HMBJTDG.js";
import "./chunk-FFO6BIGH.js";
import "./chunk-FJL3EK5P.js";
import "./chunk-YN5K4ITV.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
