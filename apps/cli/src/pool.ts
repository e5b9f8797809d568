/**
 * Linting many files on every core. Each worker takes the next file when it
 * is done with one (large and small reports balance out), and results are
 * put back in the input order, so the output is the same as a serial run.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { UsageError } from './args.js';
import { ConfigFailure } from './config-files.js';
import type { FileResult } from './results.js';
import type { RunOptions } from './runner.js';
import type { WorkerReply } from './worker.js';

/** Below this many files, starting workers (and compiling packs in each) costs more than it saves. */
export const PARALLEL_THRESHOLD = 64;

export function workerCount(files: number): number {
  if (files < PARALLEL_THRESHOLD) return 0;
  return Math.min(availableParallelism(), 8, Math.ceil(files / 32));
}

export async function lintInWorkers(
  files: readonly { readonly file: string; readonly named: boolean }[],
  options: RunOptions,
  workers: number,
  onProgress: (done: number) => void,
): Promise<(FileResult | null)[]> {
  const results: (FileResult | null)[] = new Array(files.length).fill(null);
  let next = 0;
  let done = 0;
  const url = new URL('./worker.js', import.meta.url);
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next < files.length) {
          const index = next++;
          worker.postMessage({ index, ...files[index] });
        } else worker.postMessage(null);
      };
      worker.on('message', (reply: WorkerReply) => {
        if (reply.kind === 'result') {
          results[reply.index] = reply.result;
          onProgress(++done);
          send();
        } else {
          next = files.length; // stop handing out work
          void worker.terminate();
          reject(
            reply.kind === 'config'
              ? new ConfigFailure(reply.errors)
              : reply.kind === 'usage'
                ? new UsageError(reply.message)
                : new Error(reply.message),
          );
        }
      });
      worker.on('error', reject);
      worker.on('exit', () => resolve());
      send();
    });
  const pool = Array.from({ length: workers }, () => new Worker(url, { workerData: options }));
  try {
    await Promise.all(pool.map(run));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}
