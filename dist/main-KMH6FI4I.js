import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main
} from "./chunk-ZYP5N3OA.js";
import "./chunk-KAJBAPU7.js";
import "./chunk-JRQN7KTK.js";
import "./chunk-HFVVPFRA.js";
import "./chunk-ZRTPLJCV.js";
export {
  main
};
