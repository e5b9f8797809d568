/**
 * A worker thread for large batches: builds its own Runner (packs compiled
 * once per worker), lints the files it is sent and posts each result back.
 * User mistakes (a bad config) travel back as such, to exit with code 2.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UsageError } from './args.js';
import { ConfigFailure } from './config-files.js';
import { type RunOptions, Runner } from './runner.js';

/** A batch of files to lint, or null: no more work. */
export type WorkerRequest =
  readonly { readonly index: number; readonly file: string; readonly named: boolean }[] | null;

export type WorkerReply =
  | { readonly kind: 'result'; readonly index: number; readonly result: ReturnType<Runner['lint']> }
  | { readonly kind: 'usage'; readonly message: string }
  | { readonly kind: 'config'; readonly errors: ConfigFailure['errors'] }
  | { readonly kind: 'internal'; readonly message: string; readonly stack?: string };

const port = parentPort;
if (port) {
  let runner: Runner | undefined;
  const handle = async (jobs: WorkerRequest): Promise<void> => {
    if (jobs === null) {
      port.close();
      return;
    }
    try {
      runner ??= await Runner.create(workerData as RunOptions);
      await runner.prepare(jobs.map((job) => job.file));
      for (const job of jobs) {
        const result = runner.lint(job.file, { named: job.named });
        port.postMessage({ kind: 'result', index: job.index, result } satisfies WorkerReply);
      }
    } catch (e) {
      port.postMessage(failure(e));
    }
  };
  // One batch at a time, in order: handling awaits (loading the config
  // reader), and the closing null must not overtake a batch still queued.
  let queue = Promise.resolve();
  port.on('message', (jobs: WorkerRequest) => {
    queue = queue.then(() => handle(jobs));
  });
}

function failure(e: unknown): WorkerReply {
  if (e instanceof ConfigFailure) return { kind: 'config', errors: e.errors };
  if (e instanceof UsageError) return { kind: 'usage', message: e.message };
  return { kind: 'internal', message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}
