#!/usr/bin/env node
import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  prefetchInputs
} from "./chunk-WAOZ37NE.js";
import "./chunk-ZRTPLJCV.js";

// src/cli/bin.ts
prefetchInputs(process.argv.slice(2));
var [{ nodeIo }, { main }] = await Promise.all([import("./io-K47FXZ6E.js"), import("./main-Z6G3R3TJ.js")]);
process.exitCode = await main(process.argv.slice(2), nodeIo());
