import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError, cancelledError } from '../api/errors';
import { resourcesDir } from '../resources';
import type { RunMessage, WorkerReply } from './protocol';
import type { Task } from './task';

export interface RunOptions {
  /** Aborting cancels the task: taken off the queue, or told to stop at its next check. */
  signal?: AbortSignal;
  /** Called as the task reports progress (a plain callback: it is called on its own, not on these options). */
  onProgress?: (done: number, total: number) => void;
}

export interface WorkPool {
  run<I, O>(task: Task<I, O>, input: I, options?: RunOptions): Promise<O>;
  /** Threads the pool may start. */
  readonly size: number;
  /** Tasks handed to a worker so far, and the threads started: for tests and diagnostics. */
  stats(): { tasksStarted: number; threadsStarted: number };
  close(): Promise<void>;
}

/**
 * Leaves one core to the main thread, which serves HTTP and runs the SQL: on the office's
 * usual 2-core PC, one worker.
 */
export const defaultPoolSize = () => Math.max(1, availableParallelism() - 1);

const WORKER_FILE = 'worker.js';

/**
 * The worker's entry, bundled by electron-vite next to the main entries (out/main/worker.js).
 * The pool's own code may sit in out/main or in out/main/chunks; tests run the sources and use
 * the built worker of the project (npm test builds first).
 */
export function findWorkerFile(): string {
  if (process.env.JPD_WORKER_FILE) return resolve(process.env.JPD_WORKER_FILE);
  let dir = import.meta.dirname;
  for (let i = 0; i < 6; i++) {
    for (const candidate of [join(dir, WORKER_FILE), join(dir, 'out', 'main', WORKER_FILE)]) {
      if (existsSync(candidate)) return candidate;
    }
    dir = dirname(dir);
  }
  throw new Error(`${WORKER_FILE} tidak ditemukan di dekat ${import.meta.dirname}. Bangun aplikasi dahulu: npm run build`);
}

interface Pending {
  id: number;
  message: RunMessage;
  flag: Int32Array;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onProgress?: (done: number, total: number) => void;
  detach(): void;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
}

/** A small pool of worker threads, started on first use, each running one task at a time. */
export function createWorkerPool(options: { size?: number; file?: string } = {}): WorkPool {
  const size = options.size ?? defaultPoolSize();
  const slots: Slot[] = [];
  const queue: Pending[] = [];
  let nextId = 1;
  let tasksStarted = 0;
  let threadsStarted = 0;
  let closed = false;
  let file: string | undefined = options.file;

  function spawn(): Slot {
    file ??= findWorkerFile();
    const worker = new Worker(file, {
      env: { ...process.env, JPD_RESOURCES_DIR: resourcesDir() },
      // A task that runs away (a crafted file) ends its worker, not the office server.
      resourceLimits: { maxOldGenerationSizeMb: 1536 },
    });
    // An idle worker does not keep the process alive; a busy one does (see pump).
    worker.unref();
    threadsStarted++;
    const slot: Slot = { worker, busy: null };
    worker.on('message', (m: WorkerReply) => {
      const job = slot.busy;
      if (job?.id !== m.id) return;
      if (m.type === 'progress') {
        job.onProgress?.(m.done, m.total);
        return;
      }
      slot.busy = null;
      slot.worker.unref();
      job.detach();
      if (m.type === 'done') job.resolve(m.value);
      else if (m.failure.kind === 'cancelled') job.reject(cancelledError());
      else if (m.failure.kind === 'app') job.reject(new AppError(m.failure.code, m.failure.message, m.failure.fields));
      else {
        const error = new Error(`Task ${job.message.name} failed: ${m.failure.message}`);
        if (m.failure.stack) error.stack = m.failure.stack;
        job.reject(error);
      }
      pump();
    });
    const lost = (reason: unknown) => {
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      const job = slot.busy;
      slot.busy = null;
      if (job) {
        job.detach();
        job.reject(reason instanceof Error ? reason : new Error(`Worker stopped during ${job.message.name}`));
      }
      if (!closed) pump();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`Worker exited (${code})`)));
    slots.push(slot);
    return slot;
  }

  function pump() {
    while (queue.length > 0 && !closed) {
      let slot = slots.find((s) => !s.busy);
      if (!slot && slots.length < size) slot = spawn();
      if (!slot) return;
      const job = queue.shift();
      if (!job) return; // not reached: the loop runs while the queue has one
      slot.busy = job;
      slot.worker.ref();
      tasksStarted++;
      slot.worker.postMessage(job.message);
    }
  }

  return {
    size,
    stats: () => ({ tasksStarted, threadsStarted }),
    run<I, O>(task: Task<I, O>, input: I, opts: RunOptions = {}): Promise<O> {
      return new Promise<O>((resolvePromise, reject) => {
        if (closed) {
          reject(new Error('Worker pool is closed'));
          return;
        }
        if (opts.signal?.aborted) {
          reject(cancelledError());
          return;
        }
        const cancel = new SharedArrayBuffer(4);
        const flag = new Int32Array(cancel);
        const id = nextId++;
        const onAbort = () => {
          Atomics.store(flag, 0, 1);
          const queued = queue.indexOf(job);
          if (queued >= 0) {
            queue.splice(queued, 1);
            job.detach();
            reject(cancelledError());
          }
        };
        const job: Pending = {
          id,
          message: { type: 'run', id, name: task.name, input, cancel },
          flag,
          resolve: resolvePromise,
          reject,
          onProgress: opts.onProgress,
          detach: () => opts.signal?.removeEventListener('abort', onAbort),
        };
        opts.signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(job);
        pump();
      });
    },
    close: async () => {
      closed = true;
      for (const job of queue.splice(0)) {
        job.detach();
        job.reject(new Error('Worker pool closed'));
      }
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
  };
}
