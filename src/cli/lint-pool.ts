/**
 * Lints many files across the machine's cores: one worker thread per core, each file sent to
 * the next free worker. Few or small files are linted here instead, where starting workers
 * would cost more than it saves.
 */
import type { Worker } from "node:worker_threads";
import { detachedDocument, parse, type Document } from "../../grammar/index.js";
import type { NodeContext } from "../../rules/types.js";
import type { FileSettings } from "../config/resolve.js";
import { lazyModule } from "../lazy.js";
import { lintDocument, type LintDiagnostic, type LintResult, type RulesetSize } from "../lint.js";

const os = lazyModule<typeof import("node:os")>("node:os");
const workerThreads = lazyModule<typeof import("node:worker_threads")>("node:worker_threads");

export interface LintJob {
  id: number;
  text: string;
  filePath: string;
  settings: FileSettings;
  node: NodeContext;
  /** The ids of the other jobs of its node (`src/nodes.ts`), read by the node rules. */
  partners?: readonly number[];
}

/** What a worker is sent: a job, with the texts of its node's other rulesets. */
export interface WorkerJob extends Omit<LintJob, "partners"> {
  partners: { text: string; filePath: string; settings: FileSettings }[];
}

export type LintReply = { id: number; diagnostics: LintDiagnostic[]; size: RulesetSize } | { id: number; error: string };

/** Below this much text in all, one thread is faster than starting workers (measured: ~60 ms each). */
const PARALLEL_MIN_BYTES = 4 * 1024 * 1024;

export async function lintAll(jobs: readonly LintJob[], onDone: (done: number) => void = () => {}): Promise<LintResult[]> {
  const cores = Math.min(os().availableParallelism(), jobs.length);
  const total = jobs.reduce((sum, job) => sum + job.text.length, 0);
  if (cores < 2 || total < PARALLEL_MIN_BYTES) return lintHere(jobs, onDone);
  const results: LintResult[] = new Array(jobs.length);
  const workers = Array.from({ length: cores }, () => new (workerThreads().Worker)(new URL("./lint-worker.js", import.meta.url)));
  let next = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (worker: Worker) => {
        if (next >= jobs.length) return;
        const job = jobs[next++];
        const partners = (job.partners ?? []).map((id) => ({ text: jobs[id].text, filePath: jobs[id].filePath, settings: jobs[id].settings }));
        worker.postMessage({ ...job, partners } satisfies WorkerJob);
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

/** Lints the jobs in this thread, each text parsed once, also where it is another job's partner. */
export function lintHere(jobs: readonly LintJob[], onDone: (done: number) => void = () => {}): LintResult[] {
  const documents = new Map<number, Document>();
  const documentOf = (job: LintJob): Document => {
    let document = documents.get(job.id);
    if (document === undefined) documents.set(job.id, (document = parse(job.text, { filePath: job.filePath })));
    return document;
  };
  return jobs.map((job, i) => {
    const document = documentOf(job);
    const partners = (job.partners ?? []).map((id) => ({ document: documentOf(jobs[id]), family: jobs[id].settings.family }));
    const result = { filePath: job.filePath, diagnostics: lintDocument(document, { settings: job.settings, node: job.node, partners }), document };
    onDone(i + 1);
    return result;
  });
}
