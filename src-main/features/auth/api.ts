import { z } from 'zod';
import { AppError } from '../../core/api/errors';
import { defineMethod } from '../../core/api/registry';
import { label } from '../../core/api/validation';
import { hashPassword, verifyPassword } from '../../core/auth/passwords';
import { assertAcceptablePassword } from '../../core/auth/password-policy';
import { changeSubject, checkThrottle, loginSubject, recordFailure, recordSuccess, type FailureOutcome } from '../../core/auth/throttle';
import { newPasswordField, officeName } from '../users/api';
import { createSession, endSession, endSessionsOfUser, resolveSession } from '../../core/auth/sessions';

const username = label(z.string().trim().toLowerCase().min(1).max(40), 'Nama pengguna');
const password = label(z.string().min(1).max(200), 'Kata sandi');

const timeWib = (ms: number) => new Date(ms + 7 * 3600_000).toISOString().slice(11, 16);

/** The answer to a try refused by the throttle, before any password is checked. */
function refused(v: { locked: boolean; untilMs: number }, nowMs: number): AppError {
  if (v.locked) {
    return new AppError(
      'too_many',
      `Terlalu banyak kata sandi salah dari komputer ini. Coba lagi setelah pukul ${timeWib(v.untilMs)} WIB, atau minta admin membuka kuncinya.`,
    );
  }
  return new AppError('too_many', `Tunggu ${Math.max(1, Math.ceil((v.untilMs - nowMs) / 1000))} detik sebelum mencoba lagi.`);
}

/** The answer to a wrong password: how many tries this computer has left, or that it is locked now. */
function wrongAnswer(o: FailureOutcome, lockoutMinutes: number, text: string, fields?: Record<string, string>): AppError {
  if (o.locked) return new AppError('too_many', `${text} Terlalu banyak percobaan: dikunci ${lockoutMinutes} menit untuk komputer ini.`, fields);
  return new AppError(fields ? 'bad_input' : 'unauthenticated', `${text} Sisa ${o.remaining} kali percobaan dari komputer ini sebelum dikunci ${lockoutMinutes} menit.`, fields);
}

export const authMethods = {
  'auth.login': defineMethod({
    summary: 'Masuk dengan nama pengguna dan kata sandi; memberi cookie sesi dan token CSRF. Percobaan yang salah diperlambat dan dikunci per akun dan per komputer.',
    access: 'public',
    mutation: true,
    input: z.strictObject({ username, password }),
    handler: async (ctx, input) => {
      const { db, app, clientAddress } = ctx;
      const limits = app.security.throttle;
      const now = app.clock.nowMs();
      const user = await db.selectFrom('users').selectAll().where('username', '=', input.username).executeTakeFirst();
      const subject = loginSubject(user, input.username);
      // A try the throttle refuses costs the server nothing: no password is checked.
      const v = await checkThrottle(db, subject, clientAddress, now);
      if (!v.allowed) throw refused(v, now);
      // A deactivated account answers the same whatever the password: no oracle for guessing it.
      if (user && user.active !== 1) throw new AppError('forbidden', 'Akun ini sudah dinonaktifkan. Hubungi admin kantor.');
      // Unknown names spend the same time as a real check, so timing does not tell which exist.
      const right = user ? await verifyPassword(input.password, user.password_hash) : (await hashPassword(input.password, app.security.passwordCost), false);
      if (!right) {
        // Counted for this account from this address only: a stranger elsewhere cannot lock
        // the office PC out. One message for both cases: which of the two was wrong is not told.
        const outcome = await recordFailure(db, subject, clientAddress, now, limits);
        if (user) await ctx.audit({ entity: 'users', entityId: user.id, after: { loginFailed: true, from: clientAddress, locked: outcome.locked } });
        ctx.commitThenFail(wrongAnswer(outcome, limits.lockoutMinutes, 'Nama pengguna atau kata sandi salah.'));
      }
      await recordSuccess(db, subject, clientAddress);
      const account = user!;
      await db.updateTable('users').set({ last_login_at: app.clock.nowIso() }).where('id', '=', account.id).execute();
      const session = await createSession(db, account.id, app);
      ctx.setSession(session.token);
      await ctx.audit({ entity: 'users', entityId: account.id, after: { login: true, from: clientAddress } });
      return {
        csrfToken: session.csrfToken,
        user: { id: account.id, username: account.username, fullName: account.full_name, role: account.role, isPendamping: account.is_pendamping === 1 },
        mustChangePassword: account.must_change_password === 1,
      };
    },
  }),

  'auth.session': defineMethod({
    summary: 'Sesi saat ini (pengguna dan token CSRF), atau null bila belum masuk.',
    access: 'public',
    beforeSetup: true,
    mutation: false,
    input: z.strictObject({}),
    handler: async ({ db, app, sessionToken }) => {
      const session = await resolveSession(db, sessionToken, app);
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
      currentPassword: label(z.string().min(1).max(200), 'Kata sandi saat ini'),
      newPassword: label(newPasswordField, 'Kata sandi baru'),
    }),
    handler: async (ctx, input) => {
      const { db, app } = ctx;
      const user = await db.selectFrom('users').select(['id', 'username', 'full_name', 'password_hash']).where('id', '=', ctx.user!.id).executeTakeFirstOrThrow();
      // Guesses of the current password with a stolen session are throttled like logins.
      const subject = changeSubject(user.id);
      const now = app.clock.nowMs();
      const v = await checkThrottle(db, subject, ctx.clientAddress, now);
      if (!v.allowed) throw refused(v, now);
      if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
        const outcome = await recordFailure(db, subject, ctx.clientAddress, now, app.security.throttle);
        // A wrong current password leaves a trace.
        await ctx.audit({ entity: 'users', entityId: user.id, after: { passwordChangeFailed: true, from: ctx.clientAddress, locked: outcome.locked } });
        ctx.commitThenFail(wrongAnswer(outcome, app.security.throttle.lockoutMinutes, 'Kata sandi saat ini salah.', { currentPassword: 'Kata sandi saat ini: salah' }));
      }
      await recordSuccess(db, subject, ctx.clientAddress);
      if (input.newPassword === input.currentPassword) {
        throw new AppError('bad_input', 'Kata sandi baru: harus berbeda dari kata sandi saat ini', { newPassword: 'Kata sandi baru: harus berbeda dari kata sandi saat ini' });
      }
      assertAcceptablePassword(input.newPassword, { username: user.username, fullName: user.full_name, officeName: await officeName(db) }, 'newPassword', 'Kata sandi baru');
      await db
        .updateTable('users')
        .set({ password_hash: await hashPassword(input.newPassword, app.security.passwordCost), must_change_password: 0, updated_at: app.clock.nowIso() })
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
