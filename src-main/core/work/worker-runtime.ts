import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { AppError } from '../api/errors';
import type { FailureInfo, RunMessage, WorkerReply } from './protocol';
import { TaskCancelled, type AnyTask, type TaskControl, type TaskFunction } from './task';

const PROGRESS_EVERY_MS = 100;

/** The loop of a pool worker: runs one task at a time, by name, from the given list. */
export function serveTasks(tasks: readonly AnyTask[]): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs only inside a worker thread');
  const byName = new Map(tasks.map((t) => [t.name, t]));
  const loaded = new Map<string, TaskFunction<unknown, unknown>>();
  const reply = (m: WorkerReply) => port.postMessage(m);

  port.on('message', (m: RunMessage) => {
    void run(m);
  });

  async function run(m: RunMessage) {
    const flag = new Int32Array(m.cancel);
    let lastProgress = -Infinity;
    const control: TaskControl = {
      progress: (done, total) => {
        // Progress messages are cheap but a page-by-page task would send hundreds: a few a second do.
        const t = performance.now();
        if (done < total && t - lastProgress < PROGRESS_EVERY_MS) return;
        lastProgress = t;
        reply({ type: 'progress', id: m.id, done, total });
      },
      cancelled: () => Atomics.load(flag, 0) === 1,
      throwIfCancelled: () => {
        if (Atomics.load(flag, 0) === 1) throw new TaskCancelled();
      },
    };
    try {
      const task = byName.get(m.name);
      if (!task) throw new Error(`Unknown task ${m.name}`);
      let fn = loaded.get(m.name);
      if (!fn) {
        // The input arrives by structured clone under the task's name, sent by the pool for this
        // very task: the worker cannot check its type, only hand it on.
        fn = (await task.load()) as TaskFunction<unknown, unknown>;
        loaded.set(m.name, fn);
      }
      const value = await fn(m.input, control);
      reply({ type: 'done', id: m.id, value });
    } catch (e) {
      reply({ type: 'failed', id: m.id, failure: describeFailure(e) });
    }
  }
}

function describeFailure(e: unknown): FailureInfo {
  if (e instanceof TaskCancelled) return { kind: 'cancelled' };
  if (e instanceof AppError) return { kind: 'app', code: e.code, message: e.phrase, fields: e.fieldPhrases };
  return { kind: 'internal', message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined };
}
