import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  lintText,
  rulesetSize
} from "./chunk-IO3WV2GE.js";
import {
  parse
} from "./chunk-4QJSDM7H.js";
import "./chunk-ZRTPLJCV.js";

// src/cli/lint-worker.ts
import { parentPort } from "node:worker_threads";
parentPort.on("message", (job) => {
  try {
    const partners = job.partners.map((p) => ({ document: parse(p.text, { filePath: p.filePath }), family: p.settings.family }));
    const { diagnostics, document } = lintText(job.text, { filePath: job.filePath, settings: job.settings, node: job.node, partners });
    parentPort.postMessage({ id: job.id, diagnostics, size: rulesetSize(document) });
  } catch (error) {
    parentPort.postMessage({ id: job.id, error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
