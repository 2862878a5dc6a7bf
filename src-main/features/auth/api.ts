import { z } from 'zod';
import { AppError } from '../../core/api/errors';
import { defineMethod } from '../../core/api/registry';
import { label } from '../../core/api/validation';
import { hashPassword, verifyPassword } from '../../core/auth/passwords';
import { assertAcceptablePassword } from '../../core/auth/password-policy';
import { newPasswordField, officeName } from '../users/api';
import { createSession, endSession, endSessionsOfUser, resolveSession } from '../../core/auth/sessions';

const username = label(z.string().trim().toLowerCase().min(1).max(40), 'Nama pengguna');
const password = label(z.string().min(1).max(200), 'Kata sandi');

const timeWib = (ms: number) => new Date(ms + 7 * 3600_000).toISOString().slice(11, 16);

export const authMethods = {
  'auth.login': defineMethod({
    summary: 'Masuk dengan nama pengguna dan kata sandi; memberi cookie sesi dan token CSRF.',
    access: 'public',
    mutation: true,
    input: z.strictObject({ username, password }),
    handler: async (ctx, input) => {
      const { db, app } = ctx;
      // One message for both cases: which of the two was wrong is not told.
      const wrong = new AppError('unauthenticated', 'Nama pengguna atau kata sandi salah.');
      const user = await db.selectFrom('users').selectAll().where('username', '=', input.username).executeTakeFirst();
      if (!user) {
        // Spend the same time as a real check so that timing does not reveal which names exist.
        await hashPassword(input.password, app.security.passwordCost);
        throw wrong;
      }
      // A deactivated account answers the same whatever the password: no oracle for guessing it.
      if (user.active !== 1) throw new AppError('forbidden', 'Akun ini sudah dinonaktifkan. Hubungi admin kantor.');
      const now = app.clock.nowMs();
      if (user.locked_until && Date.parse(user.locked_until) > now) {
        throw new AppError(
          'too_many',
          `Akun terkunci sementara karena ${app.security.maxFailedLogins} kali salah kata sandi. Coba lagi setelah pukul ${timeWib(Date.parse(user.locked_until))} WIB atau minta admin mengatur ulang kata sandi.`,
        );
      }
      if (!(await verifyPassword(input.password, user.password_hash))) {
        const failed = user.failed_logins + 1;
        const lock = failed >= app.security.maxFailedLogins;
        await db
          .updateTable('users')
          .set({
            failed_logins: lock ? 0 : failed,
            locked_until: lock ? new Date(now + app.security.lockoutMinutes * 60_000).toISOString() : null,
          })
          .where('id', '=', user.id)
          .execute();
        await ctx.audit({ entity: 'users', entityId: user.id, after: { loginFailed: failed, locked: lock } });
        if (lock) {
          ctx.commitThenFail(
            new AppError('too_many', `Kata sandi salah ${failed} kali. Akun dikunci selama ${app.security.lockoutMinutes} menit.`),
          );
        }
        ctx.commitThenFail(wrong);
      }
      await db.updateTable('users').set({ failed_logins: 0, locked_until: null, last_login_at: app.clock.nowIso() }).where('id', '=', user.id).execute();
      const session = await createSession(db, user.id, app);
      ctx.setSession(session.token);
      await ctx.audit({ entity: 'users', entityId: user.id, after: { login: true } });
      return {
        csrfToken: session.csrfToken,
        user: { id: user.id, username: user.username, fullName: user.full_name, role: user.role, isPendamping: user.is_pendamping === 1 },
        mustChangePassword: user.must_change_password === 1,
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
      if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
        // A wrong current password is a guess with a stolen session: it leaves a trace.
        await ctx.audit({ entity: 'users', entityId: user.id, after: { passwordChangeFailed: true } });
        ctx.commitThenFail(new AppError('bad_input', 'Kata sandi saat ini salah.', { currentPassword: 'Kata sandi saat ini: salah' }));
      }
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
