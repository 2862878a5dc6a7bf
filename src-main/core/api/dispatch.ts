import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { AppServices } from '../services';
import { lookupSession, sameToken, type ResolvedSession } from '../auth/sessions';
import { normaliseAddress } from '../auth/throttle';
import { writeAudit } from './audit';
import type { GroupCommit } from './group-commit';
import { AppError, errorStatus, sessionEnded, type ApiResult } from './errors';
import type { CallContext, MethodDefinition, MethodMap, PrepareContext, SessionUser, WorkContext } from './registry';
import { describeIssues, summarise } from './validation';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../../src-shared/i18n';

export interface CallRequest {
  method: string;
  input: unknown;
  sessionToken?: string | null;
  csrfToken?: string | null;
  /** HTTP checks the CSRF token on mutations; IPC has no cross-site callers and checks the sender instead. */
  checkCsrf: boolean;
  /** The caller's name for this call, to watch it with jobs.progress and stop it with jobs.cancel. */
  jobId?: string | null;
  /**
   * Where the call comes from, for throttling password guesses: the socket's address over HTTP
   * (never a forwarded-for header, which any client can write), 'desktop' for the office PC's
   * own window over IPC.
   */
  clientAddress?: string | null;
  /**
   * The caller's language (the screen's): every error is answered in it, and handlers and
   * renders write the words of their answer in it (ctx.locale). Indonesian when not given.
   */
  locale?: Locale | null;
}

export interface CallResponse {
  status: number;
  body: ApiResult<unknown>;
  /** A new session token to set, or null to clear the caller's; undefined leaves it. */
  session?: string | null;
}

/** Thrown by `commitThenFail`: the transaction commits, then the caller gets the error. */
class CommitThenFail extends Error {
  constructor(readonly error: AppError) {
    super('commit then fail');
  }
}

/**
 * What a user whose password an admin set may still do: replace it, see the session (and which
 * methods the role has, which the window reads with it), leave.
 */
const BEFORE_OWN_PASSWORD = new Set(['auth.changePassword', 'auth.session', 'auth.permissions', 'auth.logout']);

const failIn =
  (locale: Locale) =>
  (error: AppError): CallResponse => ({ status: errorStatus[error.code], body: { ok: false, error: error.toJSON(locale) } });

export type Dispatcher = (req: CallRequest) => Promise<CallResponse>;

export interface Databases {
  /** The one write connection; mutations reach it only through the group commit. */
  writer: Kysely<DB>;
  /** Read-only connections: queries, prepare phases, sessions. */
  reader: Kysely<DB>;
  inWriteTransaction: GroupCommit;
}

/**
 * The single entry point of both transports: find the method, check the session, the role and
 * the CSRF token, validate the input, then run the method's phases: prepare (outside any
 * transaction), the handler in one transaction with its audit entries (a savepoint of the
 * writer's group commit for a mutation, a read transaction on a reader for a query), render
 * (after the commit). Whatever goes wrong, nothing half-written stays and the caller gets one
 * answer shape.
 */
export function createDispatcher(dbs: Databases, methods: MethodMap, app: AppServices, log: (e: unknown) => void = console.error): Dispatcher {
  const { reader, inWriteTransaction } = dbs;
  let setupDone = false;
  const isSetupDone = async () => {
    if (!setupDone) setupDone = (await reader.selectFrom('office').select('id').executeTakeFirst()) !== undefined;
    return setupDone;
  };

  /**
   * The session, read on a reader. Its upkeep (the last-seen refresh, at most once a minute per
   * session, or deleting an expired one) joins the next group commit and is waited for, so the
   * next call of the same session sees it.
   */
  const sessionOf = async (token: string | null | undefined): Promise<ResolvedSession | null> => {
    const { session, upkeep } = await lookupSession(reader, token, app);
    if (upkeep) await inWriteTransaction((trx) => upkeep(trx));
    return session;
  };

  return async (req) => {
    let endJob: () => void = () => undefined;
    const locale: Locale = isLocale(req.locale) ? req.locale : DEFAULT_LOCALE;
    const fail = failIn(locale);
    try {
      const def: MethodDefinition | undefined = Object.hasOwn(methods, req.method) ? methods[req.method] : undefined;
      if (!def)
        return fail(
          new AppError('not_found', { id: `Metode API "${req.method.slice(0, 60)}" tidak dikenal.`, en: `Unknown API method "${req.method.slice(0, 60)}".` }),
        );

      const session = await sessionOf(req.sessionToken);
      if (!def.beforeSetup && !(await isSetupDone())) {
        return fail(
          new AppError('conflict', {
            id: 'Kantor belum disiapkan. Selesaikan penyiapan awal terlebih dahulu.',
            en: 'The office is not set up yet. Finish the first-run setup first.',
          }),
        );
      }
      if (def.access !== 'public') {
        if (!session) return fail(sessionEnded());
        if (session.mustChangePassword && !BEFORE_OWN_PASSWORD.has(req.method)) {
          return fail(
            new AppError('forbidden', {
              id: 'Ganti dulu kata sandi yang diberikan admin dengan kata sandi Anda sendiri.',
              en: 'First replace the password the admin gave you with one of your own.',
            }),
          );
        }
        if (def.access !== 'authenticated' && !def.access.includes(session.user.role)) {
          return fail(new AppError('forbidden', { id: 'Peran Anda tidak berhak membuka fitur ini.', en: 'Your role may not open this feature.' }));
        }
      }
      if (def.mutation && req.checkCsrf && session && !sameToken(req.csrfToken, session.csrfToken)) {
        return fail(
          new AppError('csrf', {
            id: 'Token keamanan (CSRF) tidak ada atau tidak cocok. Muat ulang halaman.',
            en: 'The security token (CSRF) is missing or does not match. Reload the page.',
          }),
        );
      }

      const parsed = def.input.safeParse(req.input ?? {});
      if (!parsed.success) {
        const fields = describeIssues(def.input, parsed.error.issues);
        return fail(new AppError('bad_input', summarise(fields), fields));
      }
      const input: unknown = parsed.data;

      const user: SessionUser | null = session?.user ?? null;
      const job = app.jobs.begin(user?.id ?? null, req.jobId, req.method);
      endJob = () => {
        job.end();
      };
      const base = { user, app, locale, method: req.method, sessionToken: req.sessionToken ?? null, clientAddress: normaliseAddress(req.clientAddress), job };
      const outside: WorkContext = {
        ...base,
        work: (task, taskInput) => app.work.run(task, taskInput, { signal: job.signal, onProgress: (done, total) => job.progress(done, total) }),
      };

      // 1. Prepare: slow pure work, reading only through short read transactions.
      let prepared: unknown;
      if (def.prepare) {
        const prepareCtx: PrepareContext = { ...outside, read: (fn) => reader.transaction().execute(fn) };
        prepared = await def.prepare(prepareCtx, input);
      }
      job.throwIfCancelled();

      // 2. The transaction: reads and writes only.
      let sessionChange: string | null | undefined;
      let deferred: AppError | undefined;
      const run = async (trx: Transaction<DB>) => {
        const state = { audited: false };
        const ctx: CallContext = {
          ...base,
          db: trx,
          audit: async (entry) => {
            state.audited = true;
            await writeAudit(trx, app, { user, method: req.method, ...entry });
          },
          setSession: (token) => {
            sessionChange = token;
          },
          commitThenFail: (error) => {
            throw new CommitThenFail(error);
          },
        };
        try {
          const result: unknown = await def.handler(ctx, input, prepared);
          // Every change leaves a trace, even when a handler forgot to describe it.
          if (def.mutation && !state.audited) await ctx.audit({ entity: req.method.split('.')[0], after: input });
          return result;
        } catch (e) {
          if (e instanceof CommitThenFail) {
            deferred = e.error;
            return undefined;
          }
          throw e;
        }
      };
      // Mutations share commits on the one writer (group commit); queries read on a reader,
      // in a read transaction of their own, and never wait for a write; outside a transaction
      // only when the method says it must (see MethodDefinition.transaction).
      const value: unknown =
        def.transaction === false
          ? await run(dbs.writer as unknown as Transaction<DB>)
          : def.mutation
            ? await inWriteTransaction(run)
            : await reader.transaction().execute(run);
      if (deferred) return { ...fail(deferred), session: sessionChange };
      if (def.beforeSetup) setupDone = false; // setup may just have completed: look again next time

      // 3. Render: after the commit, on the handler's result.
      const output: unknown = def.render ? await def.render(outside, value, input) : value;
      return { status: 200, body: { ok: true, value: output ?? null }, session: sessionChange };
    } catch (e) {
      if (e instanceof AppError) return fail(e);
      const constraint = sqliteConstraint(e);
      if (constraint) return fail(constraint);
      log(e);
      return fail(
        new AppError('internal', {
          id: 'Terjadi kesalahan pada server. Data tidak diubah. Hubungi admin bila berulang.',
          en: 'Something went wrong on the server. No data was changed. Tell the admin if it happens again.',
        }),
      );
    } finally {
      endJob();
    }
  };
}

/** Constraint failures that slipped past validation are the caller's conflict, not a crash. */
function sqliteConstraint(e: unknown): AppError | null {
  const code = (e as { code?: string } | null)?.code;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new AppError('conflict', { id: 'Data yang sama sudah ada.', en: 'The same record already exists.' });
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
    return new AppError('conflict', { id: 'Data terkait tidak ditemukan atau masih dipakai.', en: 'A related record was not found or is still in use.' });
  return null;
}
