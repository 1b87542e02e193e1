#!/usr/bin/env node
import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  prefetchInputs
} from "./chunk-WAOZ37NE.js";
import "./chunk-ZRTPLJCV.js";

// src/cli/bin.ts
prefetchInputs(process.argv.slice(2));
var [{ nodeIo }, { main }] = await Promise.all([import("./io-MT3WT26Z.js"), import("./main-4H5DYYXD.js")]);
process.exitCode = await main(process.argv.slice(2), nodeIo());
