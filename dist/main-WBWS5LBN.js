import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-FHWCDATX.js";
import "./chunk-62Q2XD7K.js";
import "./chunk-KIJQ53PK.js";
import "./chunk-RZUTDXBN.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
