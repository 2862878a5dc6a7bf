import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods } from '../../../src-main/api';
import { mayCall } from '../../../src-main/features/auth/permissions';
import { makeTestApp, type TestApp } from '../../support/app';

let app: TestApp;
let tokens: Record<'admin' | 'supervisor' | 'petugas' | 'loket', string>;

beforeAll(async () => {
  app = await makeTestApp();
  const admin = await app.setup();
  tokens = {
    admin,
    supervisor: await app.userWithRole(admin, 'supervisor'),
    petugas: await app.userWithRole(admin, 'petugas'),
    loket: await app.userWithRole(admin, 'loket'),
  };
});
afterAll(async () => {
  await app.dispose();
});

describe('auth.permissions', () => {
  it('lists exactly the methods the dispatcher lets each role call', async () => {
    for (const [role, token] of Object.entries(tokens) as [keyof typeof tokens, string][]) {
      const listed = await app.ok('auth.permissions', {}, token);
      const expected = Object.entries(methods)
        .filter(([, def]) => mayCall(def, role))
        .map(([name]) => name)
        .sort();
      expect(listed, role).toEqual(expected);
      // The dispatcher agrees: a listed method is never refused for the role, an unlisted one always.
      const refused = await app.call('reports.dashboard', {}, token);
      expect(refused.status === 403, role).toBe(!listed.includes('reports.dashboard'));
    }
    expect(await app.ok('auth.permissions', {}, tokens.petugas)).toContain('members.update');
    expect(await app.ok('auth.permissions', {}, tokens.loket)).not.toContain('reports.dashboard');
  });

  it('needs a session', async () => {
    expect((await app.call('auth.permissions', {})).status).toBe(401);
  });
});
