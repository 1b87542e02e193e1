import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-NBZFSHEO.js";
import "./chunk-HR3GT6A2.js";
import "./chunk-YTOIIN3O.js";
import "./chunk-5MDLDI5S.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
