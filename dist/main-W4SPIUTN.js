import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-KHU7DEEC.js";
import "./chunk-Z74DBOOR.js";
import "./chunk-Z65LJDD3.js";
import "./chunk-IFD2QPCO.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
