/**
 * Lints many files across the machine's cores: one worker thread per core, each file sent to
 * the next free worker. Few or small files are linted here instead, where starting workers
 * would cost more than it saves.
 */
import type { Worker } from "node:worker_threads";
import { detachedDocument } from "../../grammar/index.js";
import type { NodeContext } from "../../rules/types.js";
import type { FileSettings } from "../config/resolve.js";
import { lazyModule } from "../lazy.js";
import { lintText, type LintDiagnostic, type LintResult, type RulesetSize } from "../lint.js";

const os = lazyModule<typeof import("node:os")>("node:os");
const workerThreads = lazyModule<typeof import("node:worker_threads")>("node:worker_threads");

export interface LintJob {
  id: number;
  text: string;
  filePath: string;
  settings: FileSettings;
  node: NodeContext;
}

export type LintReply = { id: number; diagnostics: LintDiagnostic[]; size: RulesetSize } | { id: number; error: string };

/** Below this much text in all, one thread is faster than starting workers (measured: ~60 ms each). */
const PARALLEL_MIN_BYTES = 4 * 1024 * 1024;

export async function lintAll(jobs: readonly LintJob[], onDone: (done: number) => void = () => {}): Promise<LintResult[]> {
  const cores = Math.min(os().availableParallelism(), jobs.length);
  const total = jobs.reduce((sum, job) => sum + job.text.length, 0);
  if (cores < 2 || total < PARALLEL_MIN_BYTES) {
    return jobs.map((job, i) => {
      const result = lintText(job.text, { filePath: job.filePath, settings: job.settings, node: job.node });
      onDone(i + 1);
      return result;
    });
  }
  const results: LintResult[] = new Array(jobs.length);
  const workers = Array.from({ length: cores }, () => new (workerThreads().Worker)(new URL("./lint-worker.js", import.meta.url)));
  let next = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (worker: Worker) => {
        if (next < jobs.length) worker.postMessage(jobs[next++]);
      };
      for (const worker of workers) {
        worker.on("message", (reply: LintReply) => {
          if ("error" in reply) return reject(new Error(`linting ${jobs[reply.id].filePath} failed in a worker: ${reply.error}`));
          const job = jobs[reply.id];
          // The worker sent findings and the ruleset's size; the text is here, which is all a report needs of it besides.
          results[reply.id] = { filePath: job.filePath, diagnostics: reply.diagnostics, document: detachedDocument(job.text, job.filePath, []), size: reply.size };
          onDone(++done);
          if (done === jobs.length) resolve();
          else feed(worker);
        });
        worker.on("error", reject);
        feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
