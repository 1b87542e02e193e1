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
  /** Memory the text's parse may keep its tokens in, when linted in this thread (`Input.takeSpareMemory`). */
  spareMemory?: () => ArrayBuffer | undefined;
}

/** What a worker is sent: a job, with the texts of its node's other rulesets. */
export interface WorkerJob extends Omit<LintJob, "partners"> {
  partners: { text: string; filePath: string; settings: FileSettings }[];
}

export type LintReply = { id: number; diagnostics: LintDiagnostic[]; size: RulesetSize } | { id: number; error: string };

/** Below this much text in all, one thread is faster than starting workers (measured: ~60 ms each). */
const PARALLEL_MIN_BYTES = 4 * 1024 * 1024;
/**
 * Below this much text besides the largest file, workers cannot shorten the run: the largest is
 * linted in one worker anyway, and each worker costs its start, a copy of its texts and its own
 * heap. `--live` on a node with one big backend (a 25 MB dump and three empty ones) took three
 * times the CPU and memory of linting the dump here.
 */
const PARALLEL_MIN_REST_BYTES = PARALLEL_MIN_BYTES / 2;

/** How many worker threads to lint texts of these lengths with on this many cores: 0 for this thread. */
export function workerCount(lengths: readonly number[], cores: number): number {
  const workers = Math.min(cores, lengths.length);
  const total = lengths.reduce((sum, length) => sum + length, 0);
  const largest = lengths.reduce((most, length) => Math.max(most, length), 0);
  return workers < 2 || total < PARALLEL_MIN_BYTES || total - largest < PARALLEL_MIN_REST_BYTES ? 0 : workers;
}

export async function lintAll(jobs: readonly LintJob[], onDone: (done: number) => void = () => {}): Promise<LintResult[]> {
  const cores = workerCount(jobs.map((job) => job.text.length), os().availableParallelism());
  if (cores === 0) return lintHere(jobs, onDone);
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
        const { spareMemory: _thisThreadOnly, ...sent } = job;
        worker.postMessage({ ...sent, partners } satisfies WorkerJob);
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
    if (document === undefined) documents.set(job.id, (document = parse(job.text, { filePath: job.filePath, spareMemory: job.spareMemory?.() })));
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
