#!/usr/bin/env node
import { prefetchInputs } from "./prefetch.js";

// Big input files are read on libuv's threads while the CLI's code below loads (see prefetch.ts).
prefetchInputs(process.argv.slice(2));
const [{ nodeIo }, { main }] = await Promise.all([import("./io.js"), import("./main.js")]);
process.exitCode = await main(process.argv.slice(2), nodeIo());
