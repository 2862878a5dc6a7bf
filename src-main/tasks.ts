// Every task the worker pool can run, by name. The worker (src-main/worker.ts) serves this list;
// a task's module is loaded in the worker on its first use.
import type { Task } from './core/work/task';
import { hashPasswordTask, verifyPasswordTask } from './core/auth/passwords';

export const tasks: readonly Task<any, any>[] = [hashPasswordTask, verifyPasswordTask];
