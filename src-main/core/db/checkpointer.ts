import { parentPort, Worker, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

// Copying the WAL back into the database file (a checkpoint) writes and flushes megabytes; run
// by the committing connection, as SQLite does by default, it stalls the writer, and with it
// the whole main thread, for hundreds of milliseconds at a time under load. A thread of its
// own runs passive checkpoints instead (they never block readers or the writer), and the
// writer keeps its automatic checkpoint only as a far-off backstop.

export const CHECKPOINTER_ROLE = 'checkpointer';

/** How large the WAL may grow (pages) before the writer checkpoints itself after all. */
export const WRITER_CHECKPOINT_BACKSTOP = 100_000;

export interface Checkpointer {
  stop(): Promise<void>;
}

/** Starts the checkpoint thread for the database at `file` (the worker bundle serves both roles). */
export function startCheckpointer(workerFile: string, file: string, everyMs = 500): Checkpointer {
  const worker = new Worker(workerFile, { workerData: { role: CHECKPOINTER_ROLE, file, everyMs } });
  worker.unref();
  const stopped = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('error', (e) => console.error('checkpoint thread:', e));
  return {
    stop: async () => {
      // Referenced again so that the process waits for the database to be closed.
      worker.ref();
      worker.postMessage('stop');
      await stopped;
    },
  };
}

/** The thread's side: a connection of its own, a passive checkpoint every `everyMs`. */
export function runCheckpointer(): void {
  const port = parentPort;
  if (!port) throw new Error('runCheckpointer runs only inside a worker thread');
  const { file, everyMs } = workerData as { file: string; everyMs: number };
  const db = new SQLite(file, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  // The checkpoint flushes the WAL before copying and the database file after: durable.
  db.pragma('synchronous = FULL');
  db.pragma('wal_autocheckpoint = 0');
  const timer = setInterval(() => {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (e) {
      // Busy or briefly locked: the next turn tries again.
      if ((e as { code?: string }).code !== 'SQLITE_BUSY') throw e;
    }
  }, everyMs);
  port.on('message', (m) => {
    if (m !== 'stop') return;
    clearInterval(timer);
    db.close();
    port.close();
  });
}
