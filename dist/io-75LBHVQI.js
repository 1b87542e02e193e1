import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-HOU4YB5F.js";
import "./chunk-WAOZ37NE.js";
import "./chunk-ZBEGT4QM.js";
import "./chunk-BFUWAJMH.js";
import "./chunk-ZRTPLJCV.js";
export {
  nodeIo
};
