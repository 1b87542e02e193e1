/** A worker thread that lints the files it is sent: the parallel half of `lint-pool.ts`. */
import { parentPort } from "node:worker_threads";
import { parse } from "../../grammar/index.js";
import { lintText, rulesetSize } from "../lint.js";
import type { LintReply, WorkerJob } from "./lint-pool.js";

parentPort!.on("message", (job: WorkerJob) => {
  try {
    const partners = job.partners.map((p) => ({ document: parse(p.text, { filePath: p.filePath }), family: p.settings.family }));
    const { diagnostics, document } = lintText(job.text, { filePath: job.filePath, settings: job.settings, node: job.node, partners });
    parentPort!.postMessage({ id: job.id, diagnostics, size: rulesetSize(document) } satisfies LintReply);
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies LintReply);
  }
});
