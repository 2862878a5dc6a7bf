import { z } from 'zod';
import { AppError } from '../../core/api/errors';
import { defineMethod } from '../../core/api/registry';
import { label } from '../../core/api/validation';
import { hashPasswordTask, passwordProblem, verifyPasswordTask } from '../../core/auth/passwords';
import { createSession, endSession, endSessionsOfUser, lookupSession } from '../../core/auth/sessions';
import { checkLogin, completeLogin } from './login';

const username = label(z.string().trim().toLowerCase().min(1).max(40), 'Nama pengguna');
const password = label(z.string().min(1).max(200), 'Kata sandi');

export const authMethods = {
  'auth.login': defineMethod({
    summary: 'Masuk dengan nama pengguna dan kata sandi; memberi cookie sesi dan token CSRF.',
    access: 'public',
    mutation: true,
    input: z.strictObject({ username, password }),
    prepare: (ctx, input) => checkLogin(ctx, input),
    handler: (ctx, _input, checked) => completeLogin(ctx, checked),
  }),

  'auth.session': defineMethod({
    summary: 'Sesi saat ini (pengguna dan token CSRF), atau null bila belum masuk.',
    access: 'public',
    beforeSetup: true,
    mutation: false,
    input: z.strictObject({}),
    handler: async ({ db, app, sessionToken }) => {
      // Read only: the dispatcher has already refreshed or expired the session.
      const { session } = await lookupSession(db, sessionToken, app);
      if (!session) return null;
      const row = await db.selectFrom('users').select('must_change_password').where('id', '=', session.user.id).executeTakeFirstOrThrow();
      return { user: session.user, csrfToken: session.csrfToken, mustChangePassword: row.must_change_password === 1 };
    },
  }),

  'auth.logout': defineMethod({
    summary: 'Keluar: sesi diakhiri di server.',
    access: 'authenticated',
    mutation: true,
    input: z.strictObject({}),
    handler: async (ctx) => {
      if (ctx.sessionToken) await endSession(ctx.db, ctx.sessionToken);
      ctx.setSession(null);
      await ctx.audit({ entity: 'users', entityId: ctx.user?.id, after: { logout: true } });
      return null;
    },
  }),

  'auth.changePassword': defineMethod({
    summary: 'Mengganti kata sandi sendiri; sesi lain pengguna ini diakhiri.',
    access: 'authenticated',
    mutation: true,
    input: z.strictObject({
      currentPassword: label(z.string().min(1).max(200), 'Kata sandi saat ini'),
      newPassword: label(z.string().max(200), 'Kata sandi baru'),
    }),
    // Both scrypt runs (checking the current password, hashing the new one) happen here, in the
    // worker pool, before the transaction.
    prepare: async (ctx, input) => {
      const user = await ctx.read((db) => db.selectFrom('users').select(['id', 'password_hash']).where('id', '=', ctx.user!.id).executeTakeFirstOrThrow());
      if (!(await ctx.work(verifyPasswordTask, { password: input.currentPassword, stored: user.password_hash }))) {
        throw new AppError('bad_input', 'Kata sandi saat ini salah.', { currentPassword: 'Kata sandi saat ini: salah' });
      }
      const problem = passwordProblem(input.newPassword);
      if (problem) throw new AppError('bad_input', `Kata sandi baru: ${problem}`, { newPassword: `Kata sandi baru: ${problem}` });
      const newHash = await ctx.work(hashPasswordTask, { password: input.newPassword, cost: ctx.app.security.passwordCost });
      return { checkedHash: user.password_hash, newHash };
    },
    handler: async (ctx, _input, prepared) => {
      const { db, app } = ctx;
      const user = await db.selectFrom('users').select(['id', 'password_hash']).where('id', '=', ctx.user!.id).executeTakeFirstOrThrow();
      // Changed by someone else while the current password was being checked: check again.
      if (user.password_hash !== prepared.checkedHash) throw new AppError('conflict', 'Kata sandi baru saja diubah. Coba lagi.');
      await db
        .updateTable('users')
        .set({ password_hash: prepared.newHash, must_change_password: 0, updated_at: app.clock.nowIso() })
        .where('id', '=', user.id)
        .execute();
      await endSessionsOfUser(db, user.id);
      const session = await createSession(db, user.id, app);
      ctx.setSession(session.token);
      await ctx.audit({ entity: 'users', entityId: user.id, after: { passwordChanged: true } });
      return { csrfToken: session.csrfToken };
    },
  }),
};
