import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-JZ5AO7HU.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-JRQN7KTK.js";
import "./chunk-HFVVPFRA.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
