import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB, Role } from '../db/schema';
import type { AppServices } from '../services';
import { AppError } from './errors';

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

export interface CallContext {
  /** The call's transaction: everything written through it commits or rolls back together. */
  db: Transaction<DB>;
  user: SessionUser | null;
  app: AppServices;
  method: string;
  /** The caller's session token, for logout. */
  sessionToken: string | null;
  /** The caller's address (see CallRequest.clientAddress), normalised. */
  clientAddress: string;
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

export interface MethodDefinition<S extends z.ZodType = z.ZodType, R = unknown> {
  input: S;
  access: Access;
  /** Mutations need the CSRF token and always leave an audit entry. */
  mutation: boolean;
  /** Callable before the office is set up (the setup screen's own methods). */
  beforeSetup?: boolean;
  /**
   * false for the rare method that must run outside a transaction (an online backup cannot run
   * inside one). Such a handler gets the plain database handle and writes only its audit entry.
   */
  transaction?: false;
  summary: string;
  handler(ctx: CallContext, input: z.output<S>): Promise<R> | R;
}

export function defineMethod<S extends z.ZodType, R>(def: MethodDefinition<S, R>): MethodDefinition<S, R> {
  return def;
}

export type MethodMap = Record<string, MethodDefinition<any, any>>;

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;

/** Combines the features' method tables into one, refusing two methods with one name. */
export function combineMethods<T extends MethodMap[]>(...tables: T): UnionToIntersection<T[number]> {
  const all: MethodMap = {};
  for (const table of tables) {
    for (const [name, def] of Object.entries(table)) {
      if (all[name]) throw new Error(`API method ${name} is defined twice`);
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
    output: Awaited<ReturnType<M[K]['handler']>>;
  };
};

export type Database = Kysely<DB> | Transaction<DB>;
