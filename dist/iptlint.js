#!/usr/bin/env node
import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  main,
  nodeIo
} from "./chunk-IEYDXWEO.js";
import "./chunk-PLSLDJPG.js";
import "./chunk-ZRTPLJCV.js";

// src/cli/bin.ts
process.exitCode = await main(process.argv.slice(2), nodeIo());
