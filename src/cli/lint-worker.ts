/** A worker thread that lints the files it is sent: the parallel half of `lint-pool.ts`. */
import { parentPort } from "node:worker_threads";
import { lintText, rulesetSize } from "../lint.js";
import type { LintJob, LintReply } from "./lint-pool.js";

parentPort!.on("message", (job: LintJob) => {
  try {
    const { diagnostics, document } = lintText(job.text, { filePath: job.filePath, settings: job.settings, node: job.node });
    parentPort!.postMessage({ id: job.id, diagnostics, size: rulesetSize(document) } satisfies LintReply);
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies LintReply);
  }
});
