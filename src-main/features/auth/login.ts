// Logging in and changing one's password, each in the method's two phases.
//   prepare (outside the transaction, on a reader): find the account, ask the throttle whether
//     this try may go ahead (a refused try is answered at once, no password checked), refuse a
//     deactivated account, and run scrypt in the worker pool: the slow part holds nothing.
//   handler (the transaction): ask the throttle again (other tries from the same address may
//     have failed meanwhile), look at the account as it is now, then record the failure or the
//     success and open the session.
// The throttling rules themselves are in core/auth/throttle.ts.
import { AppError, type FieldPhrases, signedInUser } from '../../core/api/errors';
import type { Phrase } from '../../../src-shared/i18n';
import type { CallContext, Database, PrepareContext } from '../../core/api/registry';
import { assertAcceptablePassword } from '../../core/auth/password-policy';
import { hashPasswordTask, verifyPasswordTask } from '../../core/auth/passwords';
import { createSession, endSessionsOfUser } from '../../core/auth/sessions';
import { changeSubject, checkThrottle, loginSubject, recordFailure, recordSuccess, type FailureOutcome, type Verdict } from '../../core/auth/throttle';
import { officeName } from '../users';

const timeWib = (ms: number) => new Date(ms + 7 * 3600_000).toISOString().slice(11, 16);

/** The answer to a try refused by the throttle, before any password is checked. */
function refused(v: Exclude<Verdict, { allowed: true }>, nowMs: number): AppError {
  if (v.locked) {
    const at = timeWib(v.untilMs);
    return new AppError('too_many', {
      id: `Terlalu banyak kata sandi salah dari komputer ini. Coba lagi setelah pukul ${at.replace(':', '.')} WIB, atau minta admin membuka kuncinya.`,
      en: `Too many wrong passwords from this computer. Try again after ${at} WIB (Jakarta time), or ask the admin to unlock it.`,
    });
  }
  const seconds = Math.max(1, Math.ceil((v.untilMs - nowMs) / 1000));
  return new AppError('too_many', { id: `Tunggu ${seconds} detik sebelum mencoba lagi.`, en: `Wait ${seconds} seconds before trying again.` });
}

/** The answer to a wrong password: how many tries this computer has left, or that it is locked now. */
function wrongAnswer(o: FailureOutcome, lockoutMinutes: number, text: Phrase, fields?: FieldPhrases): AppError {
  if (o.locked) {
    return new AppError(
      'too_many',
      {
        id: `${text.id} Terlalu banyak percobaan: dikunci ${lockoutMinutes} menit untuk komputer ini.`,
        en: `${text.en} Too many tries: locked for ${lockoutMinutes} minutes on this computer.`,
      },
      fields,
    );
  }
  return new AppError(
    fields ? 'bad_input' : 'unauthenticated',
    {
      id: `${text.id} Sisa ${o.remaining} kali percobaan dari komputer ini sebelum dikunci ${lockoutMinutes} menit.`,
      en: `${text.en} ${o.remaining} ${o.remaining === 1 ? 'try' : 'tries'} left from this computer before it is locked for ${lockoutMinutes} minutes.`,
    },
    fields,
  );
}

const deactivated = () =>
  new AppError('forbidden', { id: 'Akun ini sudah dinonaktifkan. Hubungi admin kantor.', en: 'This account has been deactivated. Contact the office admin.' });

/** Throws the throttle's refusal when `subject` may not try from the caller's address now. */
async function throttled(db: Database, subject: string, address: string, nowMs: number) {
  const v = await checkThrottle(db, subject, address, nowMs);
  if (!v.allowed) throw refused(v, nowMs);
}

const findAccount = (db: Database, username: string) => db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

export interface LoginInput {
  username: string;
  password: string;
}

/** What the prepare phase found: the throttle's subject, the account, and whether the password matched. */
export interface CheckedLogin {
  subject: string;
  userId: string | null;
  /** The hash the password was checked against; a hash changed meanwhile voids the check. */
  checkedHash: string | null;
  passwordMatches: boolean;
}

export async function checkLogin(ctx: PrepareContext, input: LoginInput): Promise<CheckedLogin> {
  const now = ctx.app.clock.nowMs();
  const { user, subject } = await ctx.read(async (db) => {
    const user = await findAccount(db, input.username);
    const subject = loginSubject(user, input.username);
    // A try the throttle refuses costs the server nothing: no password is checked.
    await throttled(db, subject, ctx.clientAddress, now);
    return { user, subject };
  });
  // A deactivated account answers the same whatever the password: no oracle for guessing it.
  if (user && user.active !== 1) throw deactivated();
  // Unknown names spend the same time as a real check, so timing does not tell which exist.
  const passwordMatches = user
    ? await ctx.work(verifyPasswordTask, { password: input.password, stored: user.password_hash })
    : (await ctx.work(hashPasswordTask, { password: input.password, cost: ctx.app.security.passwordCost }), false);
  return { subject, userId: user?.id ?? null, checkedHash: user?.password_hash ?? null, passwordMatches };
}

export async function completeLogin(ctx: CallContext, checked: CheckedLogin) {
  const { db, app, clientAddress } = ctx;
  const limits = app.security.throttle;
  const now = app.clock.nowMs();
  await throttled(db, checked.subject, clientAddress, now);
  // The account as it is now.
  const user = checked.userId ? await db.selectFrom('users').selectAll().where('id', '=', checked.userId).executeTakeFirst() : undefined;
  if (user && user.active !== 1) throw deactivated();
  // A password changed while this try was checked against the old one counts as wrong.
  const right = checked.passwordMatches && user?.password_hash === checked.checkedHash;
  if (!right) {
    // Counted for this account from this address only: a stranger elsewhere cannot lock
    // the office PC out. One message for both cases: which of the two was wrong is not told.
    const outcome = await recordFailure(db, checked.subject, clientAddress, now, limits);
    if (user) await ctx.audit({ entity: 'users', entityId: user.id, after: { loginFailed: true, from: clientAddress, locked: outcome.locked } });
    return ctx.commitThenFail(wrongAnswer(outcome, limits.lockoutMinutes, { id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' }));
  }
  await recordSuccess(db, checked.subject, clientAddress);
  await db.updateTable('users').set({ last_login_at: app.clock.nowIso() }).where('id', '=', user.id).execute();
  const session = await createSession(db, user.id, app);
  ctx.setSession(session.token);
  await ctx.audit({ entity: 'users', entityId: user.id, after: { login: true, from: clientAddress } });
  return {
    csrfToken: session.csrfToken,
    user: { id: user.id, username: user.username, fullName: user.full_name, role: user.role, isPendamping: user.is_pendamping === 1 },
    mustChangePassword: user.must_change_password === 1,
  };
}

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

/** The current password checked and the new one checked and hashed, before the transaction. */
export async function checkPasswordChange(ctx: PrepareContext, input: ChangePasswordInput) {
  const now = ctx.app.clock.nowMs();
  const subject = changeSubject(signedInUser(ctx).id);
  const { user, office } = await ctx.read(async (db) => {
    const user = await db
      .selectFrom('users')
      .select(['id', 'username', 'full_name', 'password_hash'])
      .where('id', '=', signedInUser(ctx).id)
      .executeTakeFirstOrThrow();
    // Guesses of the current password with a stolen session are throttled like logins.
    await throttled(db, subject, ctx.clientAddress, now);
    return { user, office: await officeName(db) };
  });
  const right = await ctx.work(verifyPasswordTask, { password: input.currentPassword, stored: user.password_hash });
  if (!right) return { subject, checkedHash: user.password_hash, right, newHash: null };
  if (input.newPassword === input.currentPassword) {
    const message = { id: 'Kata sandi baru: harus berbeda dari kata sandi saat ini', en: 'New password: must differ from the current password' };
    throw new AppError('bad_input', message, { newPassword: message });
  }
  assertAcceptablePassword(input.newPassword, { username: user.username, fullName: user.full_name, officeName: office }, 'newPassword', {
    id: 'Kata sandi baru',
    en: 'New password',
  });
  const newHash = await ctx.work(hashPasswordTask, { password: input.newPassword, cost: ctx.app.security.passwordCost });
  return { subject, checkedHash: user.password_hash, right, newHash };
}

export async function completePasswordChange(ctx: CallContext, checked: Awaited<ReturnType<typeof checkPasswordChange>>) {
  const { db, app } = ctx;
  const now = app.clock.nowMs();
  await throttled(db, checked.subject, ctx.clientAddress, now);
  const user = await db.selectFrom('users').select(['id', 'password_hash']).where('id', '=', signedInUser(ctx).id).executeTakeFirstOrThrow();
  if (user.password_hash !== checked.checkedHash)
    throw new AppError('conflict', { id: 'Kata sandi baru saja diubah. Coba lagi.', en: 'The password was just changed. Try again.' });
  if (!checked.right || !checked.newHash) {
    const outcome = await recordFailure(db, checked.subject, ctx.clientAddress, now, app.security.throttle);
    // A wrong current password leaves a trace.
    await ctx.audit({ entity: 'users', entityId: user.id, after: { passwordChangeFailed: true, from: ctx.clientAddress, locked: outcome.locked } });
    return ctx.commitThenFail(
      wrongAnswer(
        outcome,
        app.security.throttle.lockoutMinutes,
        { id: 'Kata sandi saat ini salah.', en: 'The current password is wrong.' },
        { currentPassword: { id: 'Kata sandi saat ini: salah', en: 'Current password: wrong' } },
      ),
    );
  }
  await recordSuccess(db, checked.subject, ctx.clientAddress);
  await db
    .updateTable('users')
    .set({ password_hash: checked.newHash, must_change_password: 0, updated_at: app.clock.nowIso() })
    .where('id', '=', user.id)
    .execute();
  await endSessionsOfUser(db, user.id);
  const session = await createSession(db, user.id, app);
  ctx.setSession(session.token);
  await ctx.audit({ entity: 'users', entityId: user.id, after: { passwordChanged: true } });
  return { csrfToken: session.csrfToken };
}
