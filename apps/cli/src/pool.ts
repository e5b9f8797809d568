/**
 * Linting many files on every core. The main thread lints too, from the
 * first file on, while the workers start (loading the modules and compiling
 * the packs takes them a while); each takes the next few files when it is
 * done with its last ones, so large and small reports balance out. Results
 * are put back in the input order: the output is the same as a serial run.
 */
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { UsageError } from './args.js';
import { ConfigFailure } from './config-files.js';
import type { FileResult } from './results.js';
import type { RunOptions } from './runner.js';
import type { WorkerReply } from './worker.js';

/** Below this many files the main thread alone finishes before a worker is ready. */
export const PARALLEL_THRESHOLD = 100;

/**
 * Workers besides the main thread: one per core left idle, up to 7. A lint
 * keeps more than the main thread busy: V8 compiles the hot code and
 * collects garbage on background threads (a 1000-report run used about 1.45
 * cores of 2 with no worker at all). So one core is left to V8, and the load
 * average counts the others' work: a worker on a busy core only adds its
 * start-up. On a 2-core machine a worker made 1000 reports slower (2.9 s
 * against 2.5 s), so there is none. On systems without a load average
 * (Windows reports 0) every core counts as idle. `GOVLINT_WORKERS`
 * overrides (0: the main thread only).
 */
export function workerCount(
  files: number,
  override?: string,
  machine = { cores: availableParallelism(), load: loadavg()[0] ?? 0 },
): number {
  if (override !== undefined && /^\d+$/.test(override)) return Math.min(Number(override), files);
  if (files < PARALLEL_THRESHOLD) return 0;
  // Cores left once the others' load, the main thread and V8's own threads are served.
  const spare = Math.round(machine.cores - machine.load - 2);
  return Math.max(0, Math.min(machine.cores - 2, spare, 7));
}

/** A worker's failure as the error the main thread would have thrown. */
function failure(reply: Exclude<WorkerReply, { kind: 'result' }>): Error {
  if (reply.kind === 'config') return new ConfigFailure(reply.errors);
  if (reply.kind === 'usage') return new UsageError(reply.message);
  const error = new Error(reply.message);
  if (reply.stack) error.stack = reply.stack;
  return error;
}

type Job = { readonly file: string; readonly named: boolean };

export async function lintInWorkers(
  files: readonly Job[],
  options: RunOptions,
  workers: number,
  onProgress: (done: number) => void,
  lintHere: (job: Job) => FileResult | null,
): Promise<(FileResult | null)[]> {
  const results: (FileResult | null)[] = new Array(files.length).fill(null);
  let next = 0;
  let done = 0;
  const url = new URL('./worker.js', import.meta.url);
  // Files go out in small batches: fewer round trips, still balanced.
  const batch = Math.max(1, Math.min(16, Math.floor(files.length / (workers * 8))));
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      // Files sent and not yet answered. A worker always has a second batch
      // queued behind the one it is linting: otherwise it would wait for the
      // main thread, busy with its own share, to hand out the next one.
      let outstanding = 0;
      const send = () => {
        const jobs = [];
        for (; jobs.length < batch && next < files.length; next++)
          jobs.push({ index: next, ...files[next]! });
        if (jobs.length > 0) {
          outstanding += jobs.length;
          worker.postMessage(jobs);
        } else if (outstanding === 0) worker.postMessage(null);
      };
      worker.on('message', (reply: WorkerReply) => {
        if (reply.kind === 'result') {
          results[reply.index] = reply.result;
          onProgress(++done);
          if (--outstanding <= batch) send();
        } else {
          next = files.length; // stop handing out work
          void worker.terminate();
          reject(failure(reply));
        }
      });
      worker.on('error', reject);
      worker.on('exit', () => resolve());
      send();
      send();
    });
  const pool = Array.from({ length: workers }, () => new Worker(url, { workerData: options }));
  const running = Promise.all(pool.map(run));
  running.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
  try {
    // The main thread's share, a few files at a time, yielding so that the
    // workers' results are received and they get new files promptly.
    while (next < files.length) {
      for (let k = 0; k < batch && next < files.length; k++) {
        const index = next++;
        results[index] = lintHere(files[index]!);
        onProgress(++done);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    await running;
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}
