import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-IHL6M7XJ.js";
import "./chunk-FXTXVAFT.js";
import "./chunk-EYYWRNEB.js";
import "./chunk-ZGCNCXQQ.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
