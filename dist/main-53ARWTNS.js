import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-MEMKIZQX.js";
import "./chunk-36JLQTAZ.js";
import "./chunk-NL5EMOD4.js";
import "./chunk-HSYEVFE5.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
