// Long calls (batch printing, exports, imports) as jobs the caller can watch and cancel.
//
// The caller names its call with a job id of its own choosing (HTTP header X-Job-Id, or the
// IPC call's options) and, while the call runs, asks `jobs.progress` and may send `jobs.cancel`
// with the same id. The call itself still answers with its result, or with `cancelled`.
// Jobs live in memory only: they last as long as their call.
import { AppError, cancelledError } from './errors';

/** What the screen shows while a long call runs. */
export type JobStage = 'read' | 'check' | 'stage' | 'write' | 'render';

export interface JobStatus {
  method: string;
  done: number;
  total: number;
  stage: JobStage | null;
  cancelled: boolean;
}

/** Handed to a method's phases: report progress, and stop when the caller cancels. */
export interface JobControl {
  readonly signal: AbortSignal;
  progress(done: number, total: number, stage?: JobStage): void;
  /** Throws `cancelled` once the caller has cancelled. */
  throwIfCancelled(): void;
}

interface RunningJob extends JobControl {
  end(): void;
}

export const JOB_ID = /^[A-Za-z0-9_-]{8,64}$/;

const EARLY_CANCELS_KEPT = 100;

function control(controller: AbortController, onProgress: (done: number, total: number, stage?: JobStage) => void): JobControl {
  return {
    signal: controller.signal,
    progress: onProgress,
    throwIfCancelled: () => {
      if (controller.signal.aborted) throw cancelledError();
    },
  };
}

/** A job nobody watches: calls without a job id still get the same phases' interface. */
export function detachedJob(): RunningJob {
  return { ...control(new AbortController(), () => undefined), end: () => undefined };
}

export function createJobs() {
  // owner (user id) -> job id -> job
  const running = new Map<string, Map<string, { status: JobStatus; controller: AbortController }>>();
  // A cancel may overtake its call on the network: remember it for when the call arrives.
  const earlyCancels = new Map<string, Set<string>>();

  return {
    begin(owner: string | null, id: string | null | undefined, method: string): RunningJob {
      if (!id || !owner) return detachedJob();
      if (!JOB_ID.test(id)) throw new AppError('bad_input', { id: 'Nomor pekerjaan (X-Job-Id) tidak sah.', en: 'Invalid job id (X-Job-Id).' });
      const mine = running.get(owner) ?? new Map<string, { status: JobStatus; controller: AbortController }>();
      if (mine.has(id))
        throw new AppError('conflict', { id: 'Nomor pekerjaan ini sedang dipakai panggilan lain.', en: 'This job id is in use by another call.' });
      running.set(owner, mine);
      const controller = new AbortController();
      const status: JobStatus = { method, done: 0, total: 0, stage: null, cancelled: false };
      if (earlyCancels.get(owner)?.delete(id)) {
        status.cancelled = true;
        controller.abort();
      }
      mine.set(id, { status, controller });
      return {
        ...control(controller, (done, total, stage) => {
          status.done = done;
          status.total = total;
          if (stage) status.stage = stage;
        }),
        end: () => {
          mine.delete(id);
          if (mine.size === 0) running.delete(owner);
        },
      };
    },

    status(owner: string, id: string): JobStatus | null {
      const job = running.get(owner)?.get(id);
      return job ? { ...job.status } : null;
    },

    /** Cancels the owner's job; true when it was running. */
    cancel(owner: string, id: string): boolean {
      const job = running.get(owner)?.get(id);
      if (job) {
        job.status.cancelled = true;
        job.controller.abort();
        return true;
      }
      const early = earlyCancels.get(owner) ?? new Set<string>();
      early.add(id);
      // A Set keeps insertion order: its first value is the oldest.
      if (early.size > EARLY_CANCELS_KEPT)
        for (const oldest of early) {
          early.delete(oldest);
          break;
        }
      earlyCancels.set(owner, early);
      return false;
    },
  };
}

export type Jobs = ReturnType<typeof createJobs>;
