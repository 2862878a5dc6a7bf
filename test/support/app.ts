import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type App, type OpenAppOptions } from '../../src-main/app';
import type { Api, MethodName } from '../../src-main/api';
import type { ApiError } from '../../src-main/core/api/errors';
import { demoOffice } from '../../src-main/demo/demo';
import { TEST_NOW, testClock, type TestClock } from './clock';

/** Cheap scrypt for tests; the production cost is checked on its own in the password tests. */
export const testSecurity = { passwordCost: { logN: 10, r: 8, p: 1 } };

export const ADMIN = { username: 'admin', fullName: 'Admin Kantor', password: 'KunciPintuDepan71' };

export function tempDir(prefix = 'jpd-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

type Output<K extends MethodName> = Api[K]['output'];

/**
 * One call's answer. `value` holds only when `ok`, `error` only when not: tests assert the status
 * first and then read the one that applies, so both are typed as present.
 */
export interface CallResult<T> {
  status: number;
  ok: boolean;
  value: T;
  error: ApiError & { fields: Record<string, string> };
  session?: string | null;
}

export interface TestApp extends App {
  clock: TestClock;
  dir: string;
  /**
   * Calls a method as the holder of `token` (no CSRF: in-process). Typed from the registry; the
   * input is deliberately loose so that tests can send what a careless or hostile caller would.
   */
  call<K extends MethodName>(method: K, input?: unknown, token?: string | null, from?: string, jobId?: string): Promise<CallResult<Output<K>>>;
  /** An untyped call, for methods a test adds to the registry (makeTestApp's `methods`). */
  callAny<T = unknown>(method: string, input?: unknown, token?: string | null, jobId?: string): Promise<CallResult<T>>;
  /** Like call, but throws unless the call succeeded, and gives the method's typed output. */
  ok<K extends MethodName>(method: K, input?: unknown, token?: string | null): Promise<Output<K>>;
  /** Sets the office up and returns the admin's session token. */
  setup(): Promise<string>;
  login(username: string, password: string): Promise<string>;
  /**
   * Creates a user who has already replaced the admin-set password (the dispatcher would
   * otherwise answer only the password change) and returns a session token for them.
   */
  userWithRole(adminToken: string, role: 'admin' | 'supervisor' | 'petugas' | 'loket', username?: string): Promise<string>;
  dispose(): Promise<void>;
}

/** A real app on a real SQLite file in a temp folder, with a fixed clock. */
export async function makeTestApp(startIso = TEST_NOW, extra: Pick<OpenAppOptions, 'methods' | 'security'> = {}): Promise<TestApp> {
  const { dir, remove } = tempDir();
  const clock = testClock(startIso);
  const app = await openApp({ dataDir: dir, clock, log: () => undefined, ...extra, security: { ...testSecurity, ...extra.security } });
  // `from` is the client address the dispatcher sees (default: one test PC).
  const call: TestApp['call'] = async (method, input = {}, token = null, from = '192.0.2.10', jobId) => {
    const res = await app.dispatch({ method, input, sessionToken: token, checkCsrf: false, clientAddress: from, jobId });
    return {
      status: res.status,
      ok: res.body.ok,
      value: (res.body.ok ? res.body.value : undefined) as Output<typeof method>,
      error: (res.body.ok ? undefined : { fields: {}, ...res.body.error }) as CallResult<unknown>['error'],
      session: res.session,
    };
  };
  const ok: TestApp['ok'] = async (method, input, token) => {
    const res = await call(method, input, token);
    if (!res.ok) throw new Error(`${method} failed: ${JSON.stringify(res.error)}`);
    return res.value;
  };
  const login = async (username: string, password: string) => {
    const res = await call('auth.login', { username, password });
    if (!res.ok || !res.session) throw new Error(`login failed: ${JSON.stringify(res.error)}`);
    return res.session;
  };
  return Object.assign(app, {
    clock,
    dir,
    call,
    callAny: async <T>(method: string, input?: unknown, token?: string | null, jobId?: string) =>
      (await call(method as MethodName, input, token, undefined, jobId)) as CallResult<T>,
    ok,
    login,
    setup: async () => {
      const res = await call('office.setup', { office: demoOffice, admin: ADMIN });
      if (!res.ok || !res.session) throw new Error(`setup failed: ${JSON.stringify(res.error)}`);
      return res.session;
    },
    userWithRole: async (adminToken: string, role: 'admin' | 'supervisor' | 'petugas' | 'loket', username = role + '1') => {
      const password = 'SandiAwal123';
      await ok('users.create', { username, fullName: `Pengguna ${username}`, role, password }, adminToken);
      await app.db.updateTable('users').set({ must_change_password: 0 }).where('username', '=', username).execute();
      return login(username, password);
    },
    dispose: async () => {
      await app.close();
      remove();
    },
  });
}
