import type { FieldPhrases, ErrorCode } from '../api/errors';
import type { Phrase } from '../../../src-shared/i18n';

// Messages between the main thread and a pool worker.

export interface RunMessage {
  type: 'run';
  id: number;
  name: string;
  input: unknown;
  /** One Int32 the main thread sets to 1 to cancel: read by the task without yielding. */
  cancel: SharedArrayBuffer;
}

export type FailureInfo =
  { kind: 'app'; code: ErrorCode; message: Phrase; fields?: FieldPhrases } | { kind: 'cancelled' } | { kind: 'internal'; message: string; stack?: string };

export type WorkerReply =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'done'; id: number; value: unknown }
  | { type: 'failed'; id: number; failure: FailureInfo };
