import { z } from 'zod';
import { defineMethod } from '../../core/api/registry';
import { label } from '../../core/api/validation';
import { newPasswordField } from '../users';
import { endSession, lookupSession } from '../../core/auth/sessions';
import { checkLogin, checkPasswordChange, completeLogin, completePasswordChange } from './login';

const username = label(z.string().trim().toLowerCase().min(1).max(40), { id: 'Nama pengguna', en: 'Username' });
const password = label(z.string().min(1).max(200), { id: 'Kata sandi', en: 'Password' });

export const authMethods = {
  'auth.login': defineMethod({
    summary:
      'Masuk dengan nama pengguna dan kata sandi; memberi cookie sesi dan token CSRF. Percobaan yang salah diperlambat dan dikunci per akun dan per komputer.',
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
      return { user: session.user, csrfToken: session.csrfToken, mustChangePassword: session.mustChangePassword };
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
      currentPassword: label(z.string().min(1).max(200), { id: 'Kata sandi saat ini', en: 'Current password' }),
      newPassword: label(newPasswordField, { id: 'Kata sandi baru', en: 'New password' }),
    }),
    // Both scrypt runs (checking the current password, hashing the new one) happen before the
    // transaction, in the worker pool.
    prepare: (ctx, input) => checkPasswordChange(ctx, input),
    handler: (ctx, _input, checked) => completePasswordChange(ctx, checked),
  }),
};
