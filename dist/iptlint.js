#!/usr/bin/env node
import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  prefetchInputs
} from "./chunk-WAOZ37NE.js";
import "./chunk-ZRTPLJCV.js";

// src/cli/bin.ts
prefetchInputs(process.argv.slice(2));
var [{ nodeIo }, { main }] = await Promise.all([import("./io-6KVSW2IW.js"), import("./main-67QOB44X.js")]);
process.exitCode = await main(process.argv.slice(2), nodeIo());
