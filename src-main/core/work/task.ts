// A task is CPU-heavy pure work (scrypt, reading or writing a spreadsheet, drawing a PDF) that
// runs in the worker pool, so the main thread keeps answering the office. Its input and output
// cross between threads by structured clone: plain data only (bytes travel as base64 text).

/** What a running task can see of its caller: progress to report, and whether it was cancelled. */
export interface TaskControl {
  progress(done: number, total: number): void;
  /** True once the caller cancelled; long tasks check it between steps (pages, rows). */
  cancelled(): boolean;
  /** Throws when the caller cancelled, ending the task. */
  throwIfCancelled(): void;
}

export type TaskFunction<I, O> = (input: I, control: TaskControl) => O | Promise<O>;

/** A named task: the main thread runs it by name; the worker loads its module on first use. */
export interface Task<I, O> {
  readonly name: string;
  /** Loads the implementation (in the worker only), so a worker loads only the code it runs. */
  readonly load: () => Promise<TaskFunction<I, O>>;
}

/**
 * Any task, as a list of them holds it: its input is known only to its own callers (so here it
 * can be nothing in particular), its output is unknown.
 */
export type AnyTask = Task<never, unknown>;

export function defineTask<I, O>(name: string, load: () => Promise<TaskFunction<I, O>>): Task<I, Awaited<O>> {
  return { name, load } as Task<I, Awaited<O>>;
}

/** Thrown inside a task whose caller cancelled it. */
export class TaskCancelled extends Error {
  constructor() {
    super('Dibatalkan.');
    this.name = 'TaskCancelled';
  }
}
