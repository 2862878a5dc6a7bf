// Entry of the worker pool's threads (bundled as out/main/worker.js): CPU-heavy pure work,
// off the main thread that answers the office.
import { serveTasks } from './core/work/worker-runtime';
import { tasks } from './tasks';

serveTasks(tasks);
