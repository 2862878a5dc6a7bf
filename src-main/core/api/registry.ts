import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB, Role } from '../db/schema';
import type { AppServices } from '../services';
import type { Task } from '../work/task';
import { type AppError } from './errors';
import type { JobControl } from './jobs';
import type { Locale } from '../../../src-shared/i18n';

export type { Role };

/** Who may call: anyone (public), any logged-in user, or the listed roles. */
export type Access = 'public' | 'authenticated' | readonly Role[];

export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  isPendamping: boolean;
}

export interface AuditEntry {
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** What every phase of a call knows about it. */
export interface PhaseContext {
  user: SessionUser | null;
  app: AppServices;
  /** The caller's language: the words of the answer (labels, verdicts, messages) are written in it. */
  locale: Locale;
  method: string;
  /** The caller's session token, for logout. */
  sessionToken: string | null;
  /** The caller's address (see CallRequest.clientAddress), normalised. */
  clientAddress: string;
  /** Progress for the caller's screen, and the signal of its Cancel button. */
  job: JobControl;
}

/** Slow work outside the transaction may use the worker pool; the transaction may not. */
export interface WorkContext extends PhaseContext {
  /** Runs CPU-heavy pure work in the worker pool, with this call's progress and cancel wired in. */
  work<I, O>(task: Task<I, O>, input: I): Promise<O>;
}

export interface PrepareContext extends WorkContext {
  /**
   * Reads in one read transaction on a reader connection: a consistent view that never waits
   * for writers. Keep it to the reads; do the slow work outside it.
   */
  read<T>(fn: (db: Transaction<DB>) => Promise<T>): Promise<T>;
}

export type RenderContext = WorkContext;

export interface CallContext extends PhaseContext {
  /**
   * The call's transaction: for a mutation, a savepoint in the one writer's group commit
   * (everything written through it commits or rolls back together); for a query, a read
   * transaction on a reader connection.
   */
  db: Transaction<DB>;
  /** Writes an audit entry in the call's transaction. */
  audit(entry: AuditEntry): Promise<void>;
  /** Sets (token) or clears (null) the caller's session, applied by the transport. */
  setSession(token: string | null): void;
  /**
   * Commits what the handler wrote, then answers with this error. For the few failures that
   * must leave a trace, such as counting a wrong password towards the lockout.
   */
  commitThenFail(error: AppError): never;
}

/**
 * One API method. A call runs in up to three phases:
 *   prepare (optional): slow, pure work before the transaction: verifying a password, parsing
 *     an upload, drawing a document from data read through `ctx.read`. Runs concurrently with
 *     other calls; CPU-heavy parts go to the worker pool through `ctx.work`.
 *   handler: the transaction, with what prepare returned. Reads and writes only; short.
 *   render (optional): after the commit, on the handler's result: PDF, XLSX, CSV, zip. Its
 *     result is what the caller receives.
 * The caller's typed client sees the final output: render's when there is one, else the handler's.
 */
// P, H and R default to unknown: the hooks are declared as methods, whose parameters TypeScript
// checks both ways, so a definition with its own types still belongs to a map of them.
export interface MethodDefinition<S extends z.ZodType = z.ZodType, P = unknown, H = unknown, R = unknown> {
  input: S;
  access: Access;
  /** Mutations need the CSRF token and always leave an audit entry. */
  mutation: boolean;
  /** Callable before the office is set up (the setup screen's own methods). */
  beforeSetup?: boolean;
  /**
   * false for the rare method that must run outside a transaction (a restore swaps the database
   * file). Such a handler gets the plain writer handle and writes only its audit entry.
   */
  transaction?: false;
  summary: string;
  prepare?(ctx: PrepareContext, input: z.output<S>): Promise<P> | P;
  handler(ctx: CallContext, input: z.output<S>, prepared: P): Promise<H> | H;
  render?(ctx: RenderContext, result: H, input: z.output<S>): Promise<R> | R;
}

export function defineMethod<S extends z.ZodType, P = undefined, H = unknown, R = H>(def: MethodDefinition<S, P, H, R>): MethodDefinition<S, P, H, R> {
  return def;
}

export type MethodMap = Record<string, MethodDefinition>;

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;

/** Combines the features' method tables into one, refusing two methods with one name. */
export function combineMethods<T extends MethodMap[]>(...tables: T): UnionToIntersection<T[number]> {
  const all: MethodMap = {};
  for (const table of tables) {
    for (const [name, def] of Object.entries(table)) {
      if (Object.hasOwn(all, name)) throw new Error(`API method ${name} is defined twice`);
      if (!/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/.test(name)) throw new Error(`API method name ${name} is not resource.action`);
      all[name] = def;
    }
  }
  return all as UnionToIntersection<T[number]>;
}

/** Input and output types of each method, for the renderer's typed client. */
export type ApiSignatures<M extends MethodMap> = {
  [K in keyof M]: {
    input: z.input<M[K]['input']>;
    output: M[K] extends MethodDefinition<z.ZodType, unknown, unknown, infer R> ? Awaited<R> : never;
  };
};

export type Database = Kysely<DB> | Transaction<DB>;
