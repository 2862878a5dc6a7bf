// Entry of the threads off the main thread that answers the office (bundled as
// out/main/worker.js): the worker pool's CPU-heavy pure work, and the WAL checkpointer.
import { workerData } from 'node:worker_threads';
import { CHECKPOINTER_ROLE, runCheckpointer } from './core/db/checkpointer';
import { serveTasks } from './core/work/worker-runtime';
import { tasks } from './tasks';

if ((workerData as { role?: string } | null)?.role === CHECKPOINTER_ROLE) runCheckpointer();
else serveTasks(tasks);
