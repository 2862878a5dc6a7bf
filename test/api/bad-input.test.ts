import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchMethodList, readWire, type JsonSchema, type PathOutput } from '../support/http';
import { startTestServer } from '../support/server';

// Every method, called with malformed input by a role that may call it: a 400 naming the field,
// nothing written, and the server still answering. Never a 5xx.
let env: Awaited<ReturnType<typeof startTestServer>>;
const sessions: Record<string, { cookie: string; csrf: string }> = {};

async function loginHttp(username: string, password: string) {
  const res = await fetch(`${env.server.url}/api/auth.login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = await readWire<PathOutput<'/api/auth.login'>>(res);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0], csrf: body.value.csrfToken };
}

beforeAll(async () => {
  env = await startTestServer();
  const admin = await env.app.setup();
  for (const role of ['supervisor', 'petugas', 'loket'] as const) {
    await env.app.ok('users.create', { username: `u${role}`, fullName: `U ${role}`, role, password: 'SandiAwal123' }, admin);
    await env.app.db.updateTable('users').set({ must_change_password: 0 }).where('username', '=', `u${role}`).execute();
    sessions[role] = await loginHttp(`u${role}`, 'SandiAwal123');
  }
  sessions.admin = await loginHttp('admin', 'KunciPintuDepan71');
});
afterAll(async () => {
  await env.stop();
});

/** An answer read without trusting its shape: the point here is what the server does with bad input. */
interface UntrustedAnswer {
  error?: { message?: string; fields?: Record<string, string> };
}

/** A value of the wrong kind for a JSON Schema property. */
function wrongValue(schema: JsonSchema): unknown {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'string') return { not: 'a string' };
  if (type === 'number' || type === 'integer') return 'bukan angka';
  if (type === 'boolean') return 'ya';
  if (type === 'array') return 'bukan daftar';
  if (type === 'object') return 7;
  return Symbol.for('unknown');
}

describe('malformed input to every method', () => {
  it('gets a 400 with a named field, writes nothing, and never a 5xx', { timeout: 120_000 }, async () => {
    const methods = await fetchMethodList(env.server.url);
    expect(methods.length).toBeGreaterThan(80);
    const auditBefore = (
      await env.app.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    const failures: string[] = [];
    for (const m of methods) {
      const role = m.roles.includes('public') ? null : (['admin', 'supervisor', 'petugas', 'loket'].find((r) => m.roles.includes(r)) ?? null);
      const s = role ? sessions[role] : null;
      const send = async (body: unknown) => {
        const res = await fetch(`${env.server.url}/api/${m.name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...(s ? { Cookie: s.cookie, 'X-CSRF-Token': s.csrf } : {}) },
          body: JSON.stringify(body),
        });
        return { status: res.status, body: (await res.json()) as UntrustedAnswer };
      };
      const props = Object.entries(m.input.properties ?? {});
      const cases: [string, unknown][] = [
        ['not an object', ['x']],
        ['unknown field', { zzUnknownField: 1 }],
        ...props.filter(([, p]) => wrongValue(p) !== Symbol.for('unknown')).map(([k, p]): [string, unknown] => [`wrong type for ${k}`, { [k]: wrongValue(p) }]),
        // Without a session only small bodies are read at all (413 beyond, see body-limits.test.ts).
        ...props.filter(([, p]) => p.type === 'string').map(([k]): [string, unknown] => [`over-long ${k}`, { [k]: 'x'.repeat(s ? 100_000 : 10_000) }]),
      ];
      for (const [what, body] of cases) {
        const res = await send(body);
        if (res.status >= 500) failures.push(`${m.name} (${what}): ${res.status} ${res.body.error?.message ?? ''}`);
        else if (res.status !== 400) failures.push(`${m.name} (${what}): expected 400, got ${res.status} ${res.body.error?.message ?? ''}`);
        else if (!res.body.error?.message || (what !== 'not an object' && Object.keys(res.body.error.fields ?? {}).length === 0))
          failures.push(`${m.name} (${what}): no field named`);
      }
    }
    expect(failures).toEqual([]);
    const auditAfter = (
      await env.app.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    expect(auditAfter).toBe(auditBefore);
    expect((await fetch(`${env.server.url}/api/health`)).status).toBe(200);
  });
});
