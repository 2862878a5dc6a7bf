// Logging in, in the method's two phases.
//   prepare (outside the transaction, on a reader): find the account, refuse a locked one,
//     and verify the password with scrypt in the worker pool: the slow part holds nothing.
//   handler (the transaction): look at the account again as it is now, then count the failure
//     towards the lockout, or reset the counter and open the session.
// The lockout rules live in `lockedMessage` and `recordFailure`; the call's context carries the
// client's address (ctx.clientAddress) for rules that will depend on where attempts come from.
import { AppError } from '../../core/api/errors';
import type { CallContext, Database, PrepareContext } from '../../core/api/registry';
import { hashPasswordTask, verifyPasswordTask } from '../../core/auth/passwords';
import { createSession } from '../../core/auth/sessions';
import type { AppServices } from '../../core/services';

export interface LoginInput {
  username: string;
  password: string;
}

/** What the prepare phase found: the account and whether the password matched its hash. */
export interface CheckedLogin {
  userId: string;
  /** The hash the password was checked against; a hash changed meanwhile voids the check. */
  checkedHash: string;
  passwordMatches: boolean;
}

// One message for both cases: which of the two was wrong is not told.
const wrongCredentials = () => new AppError('unauthenticated', 'Nama pengguna atau kata sandi salah.');

const timeWib = (ms: number) => new Date(ms + 7 * 3600_000).toISOString().slice(11, 16);

const findAccount = (db: Database, username: string) => db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

type Account = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

/** The refusal for an account locked now, or null. */
function lockedMessage(account: Account, app: AppServices): AppError | null {
  if (!account.locked_until || Date.parse(account.locked_until) <= app.clock.nowMs()) return null;
  return new AppError(
    'too_many',
    `Akun terkunci sementara karena ${app.security.maxFailedLogins} kali salah kata sandi. Coba lagi setelah pukul ${timeWib(Date.parse(account.locked_until))} WIB atau minta admin mengatur ulang kata sandi.`,
  );
}

export async function checkLogin(ctx: PrepareContext, input: LoginInput): Promise<CheckedLogin> {
  const account = await ctx.read((db) => findAccount(db, input.username));
  if (!account) {
    // Spend the same time as a real check so that timing does not reveal which names exist.
    await ctx.work(hashPasswordTask, { password: input.password, cost: ctx.app.security.passwordCost });
    throw wrongCredentials();
  }
  const locked = lockedMessage(account, ctx.app);
  if (locked) throw locked;
  const passwordMatches = await ctx.work(verifyPasswordTask, { password: input.password, stored: account.password_hash });
  return { userId: account.id, checkedHash: account.password_hash, passwordMatches };
}

/** Counts a wrong password; the fifth in a row locks the account. Commits, then refuses. */
async function recordFailure(ctx: CallContext, account: Account): Promise<never> {
  const { app } = ctx;
  const failed = account.failed_logins + 1;
  const lock = failed >= app.security.maxFailedLogins;
  await ctx.db
    .updateTable('users')
    .set({
      failed_logins: lock ? 0 : failed,
      locked_until: lock ? new Date(app.clock.nowMs() + app.security.lockoutMinutes * 60_000).toISOString() : null,
    })
    .where('id', '=', account.id)
    .execute();
  await ctx.audit({ entity: 'users', entityId: account.id, after: { loginFailed: failed, locked: lock } });
  if (lock) ctx.commitThenFail(new AppError('too_many', `Kata sandi salah ${failed} kali. Akun dikunci selama ${app.security.lockoutMinutes} menit.`));
  return ctx.commitThenFail(wrongCredentials());
}

export async function completeLogin(ctx: CallContext, checked: CheckedLogin) {
  const { db, app } = ctx;
  // The account as it is now: failures counted by other attempts while this one was verified.
  const account = await db.selectFrom('users').selectAll().where('id', '=', checked.userId).executeTakeFirst();
  if (!account) throw wrongCredentials();
  const locked = lockedMessage(account, app);
  if (locked) throw locked;
  // The password was changed while this attempt was checked against the old one: not counted.
  if (account.password_hash !== checked.checkedHash) throw wrongCredentials();
  if (!checked.passwordMatches) return recordFailure(ctx, account);
  if (account.active !== 1) throw new AppError('forbidden', 'Akun ini sudah dinonaktifkan. Hubungi admin kantor.');
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null, last_login_at: app.clock.nowIso() }).where('id', '=', account.id).execute();
  const session = await createSession(db, account.id, app);
  ctx.setSession(session.token);
  await ctx.audit({ entity: 'users', entityId: account.id, after: { login: true } });
  return {
    csrfToken: session.csrfToken,
    user: { id: account.id, username: account.username, fullName: account.full_name, role: account.role, isPendamping: account.is_pendamping === 1 },
    mustChangePassword: account.must_change_password === 1,
  };
}
