import { z } from 'zod';
import { sql } from 'kysely';
import { AppError, conflict, notFound, signedInUser } from '../../core/api/errors';
import { fetchPage, likeEscape, pageInput } from '../../core/api/paging';
import { defineMethod, type CallContext } from '../../core/api/registry';
import { fieldMessage, label, optionalText, text } from '../../core/api/validation';
import { hashNewPassword } from '../../core/auth/passwords';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, assertAcceptablePassword } from '../../core/auth/password-policy';
import { endSessionsOfUser } from '../../core/auth/sessions';
import { changeSubject, clearThrottle, loginSubject } from '../../core/auth/throttle';
import type { Role } from '../../core/db/schema';

export const roles = ['admin', 'supervisor', 'petugas', 'loket'] as const satisfies readonly Role[];
const role = label(z.enum(roles), { id: 'Peran', en: 'Role' });
const userId = label(z.string().min(1).max(64), { id: 'Pengguna', en: 'User' });
export const usernameField = label(
  z
    .string()
    .trim()
    .toLowerCase()
    .min(3)
    .max(40)
    .regex(
      /^[a-z0-9._-]+$/,
      fieldMessage({
        id: 'hanya huruf kecil, angka, titik, garis bawah atau tanda hubung',
        en: 'only lower-case letters, digits, dots, underscores or hyphens',
      }),
    ),
  { id: 'Nama pengguna', en: 'Username' },
);
export const nipField = label(
  z
    .string()
    .trim()
    .regex(/^\d{18}$/, fieldMessage({ id: 'harus 18 angka', en: 'must be 18 digits' })),
  { id: 'NIP', en: 'NIP' },
);
/** Length is checked with the input; the rest of the password rule needs the account's context (see password-policy). */
export const newPasswordField = label(z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH), { id: 'Kata sandi', en: 'Password' });

/** The office's name, one of the words a password may not contain. */
export async function officeName(db: CallContext['db']): Promise<string | null> {
  return (await db.selectFrom('office').select('name').executeTakeFirst())?.name ?? null;
}

const publicColumns = [
  'id',
  'username',
  'full_name as fullName',
  'role',
  'is_pendamping as isPendamping',
  'nip',
  'phone',
  'active',
  'last_login_at as lastLoginAt',
  'created_at as createdAt',
] as const;

/** The latest running lock of the account from any address (auth/throttle.ts). */
const lockedUntilColumn = (nowIso: string) =>
  sql<string | null>`(select max(t.locked_until) from login_throttle t where t.subject = 'user:' || users.id and t.locked_until > ${nowIso})`.as('lockedUntil');

async function loadUser(ctx: CallContext, id: string) {
  const row = await ctx.db.selectFrom('users').select(publicColumns).select(lockedUntilColumn(ctx.app.clock.nowIso())).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound({ id: 'Pengguna', en: 'User' });
  return row;
}

/** An office must always keep one active admin, or nobody could manage users again. */
async function assertAnotherActiveAdmin(ctx: CallContext, exceptId: string) {
  const other = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .where('id', '!=', exceptId)
    .executeTakeFirst();
  if (!other) throw conflict({ id: 'Harus tetap ada minimal satu admin aktif.', en: 'At least one active admin must remain.' });
}

export const userMethods = {
  'users.list': defineMethod({
    summary: 'Daftar pengguna dengan pencarian, filter peran/status, urutan dan halaman.',
    access: ['admin', 'supervisor'],
    mutation: false,
    input: z.strictObject({
      ...pageInput(['username', 'fullName', 'role', 'lastLoginAt'], 'fullName'),
      search: label(z.string().trim().max(100), { id: 'Cari', en: 'Search' }).optional(),
      role: role.optional(),
      active: label(z.boolean(), { id: 'Status aktif', en: 'Active' }).optional(),
    }),
    handler: async ({ db, app }, input) => {
      let base = db.selectFrom('users');
      if (input.search) {
        const pattern = `%${likeEscape(input.search.toLowerCase())}%`;
        base = base.where((eb) =>
          eb.or([eb(sql`lower(username)`, 'like', sql`${pattern} escape '\\'`), eb(sql`lower(full_name)`, 'like', sql`${pattern} escape '\\'`)]),
        );
      }
      if (input.role) base = base.where('role', '=', input.role);
      if (input.active !== undefined) base = base.where('active', '=', input.active ? 1 : 0);
      const sortColumn = { username: 'username', fullName: 'full_name', role: 'role', lastLoginAt: 'last_login_at' } as const;
      const rows = base.select(publicColumns).select(lockedUntilColumn(app.clock.nowIso())).orderBy(sortColumn[input.sort], input.dir).orderBy('id');
      return fetchPage(
        rows,
        base.select((eb) => eb.fn.countAll<number>().as('total')),
        input,
      );
    },
  }),

  'users.pendamping': defineMethod({
    summary: 'Pengguna aktif yang bertugas sebagai pendamping (untuk pilihan di formulir).',
    access: 'authenticated',
    mutation: false,
    input: z.strictObject({}),
    handler: ({ db }) =>
      db.selectFrom('users').select(['id', 'full_name as fullName']).where('is_pendamping', '=', 1).where('active', '=', 1).orderBy('full_name').execute(),
  }),

  'users.create': defineMethod({
    summary: 'Membuat akun pengguna baru.',
    access: ['admin'],
    mutation: true,
    input: z.strictObject({
      username: usernameField,
      fullName: text({ id: 'Nama lengkap', en: 'Full name' }, 120),
      role,
      isPendamping: label(z.boolean(), { id: 'Pendamping', en: 'Pendamping' }).default(false),
      nip: nipField.nullish(),
      phone: optionalText({ id: 'Nomor telepon', en: 'Phone number' }, 20),
      password: newPasswordField,
    }),
    // The policy check and the hash, before the transaction.
    prepare: async (ctx, input) => {
      const office = await ctx.read((db) => officeName(db));
      assertAcceptablePassword(input.password, { username: input.username, fullName: input.fullName, officeName: office }, 'password', {
        id: 'Kata sandi',
        en: 'Password',
      });
      return hashNewPassword(ctx, input.password);
    },
    handler: async (ctx, input, passwordHash) => {
      const taken = await ctx.db.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
      if (taken)
        throw conflict(
          { id: `Nama pengguna "${input.username}" sudah dipakai.`, en: `Username "${input.username}" is already taken.` },
          { username: { id: 'Nama pengguna: sudah dipakai', en: 'Username: already taken' } },
        );
      const now = ctx.app.clock.nowIso();
      const id = ctx.app.newId();
      await ctx.db
        .insertInto('users')
        .values({
          id,
          username: input.username,
          full_name: input.fullName,
          role: input.role,
          is_pendamping: input.isPendamping ? 1 : 0,
          nip: input.nip ?? null,
          phone: input.phone ?? null,
          password_hash: passwordHash,
          // The admin chose this password: the user replaces it at first login.
          must_change_password: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const after = await loadUser(ctx, id);
      await ctx.audit({ entity: 'users', entityId: id, after });
      return after;
    },
  }),

  'users.update': defineMethod({
    summary: 'Mengubah nama, peran, tugas pendamping, NIP atau telepon pengguna.',
    access: ['admin'],
    mutation: true,
    input: z.strictObject({
      id: userId,
      fullName: text({ id: 'Nama lengkap', en: 'Full name' }, 120).optional(),
      role: role.optional(),
      isPendamping: label(z.boolean(), { id: 'Pendamping', en: 'Pendamping' }).optional(),
      nip: nipField.nullish(),
      phone: optionalText({ id: 'Nomor telepon', en: 'Phone number' }, 20),
    }),
    handler: async (ctx, input) => {
      const before = await loadUser(ctx, input.id);
      if (input.role && input.role !== 'admin' && before.role === 'admin') await assertAnotherActiveAdmin(ctx, input.id);
      await ctx.db
        .updateTable('users')
        .set({
          ...(input.fullName !== undefined && { full_name: input.fullName }),
          ...(input.role !== undefined && { role: input.role }),
          ...(input.isPendamping !== undefined && { is_pendamping: input.isPendamping ? 1 : 0 }),
          ...(input.nip !== undefined && { nip: input.nip }),
          ...(input.phone !== undefined && { phone: input.phone }),
          updated_at: ctx.app.clock.nowIso(),
        })
        .where('id', '=', input.id)
        .execute();
      // A changed role takes effect at once: open sessions carry the old role.
      if (input.role && input.role !== before.role) await endSessionsOfUser(ctx.db, input.id);
      const after = await loadUser(ctx, input.id);
      await ctx.audit({ entity: 'users', entityId: input.id, before, after });
      return after;
    },
  }),

  'users.setActive': defineMethod({
    summary: 'Menonaktifkan atau mengaktifkan kembali akun; sesi akun yang dinonaktifkan diakhiri.',
    access: ['admin'],
    mutation: true,
    input: z.strictObject({ id: userId, active: label(z.boolean(), { id: 'Status aktif', en: 'Active' }) }),
    handler: async (ctx, input) => {
      const before = await loadUser(ctx, input.id);
      if (!input.active) {
        if (input.id === signedInUser(ctx).id)
          throw new AppError('conflict', { id: 'Anda tidak dapat menonaktifkan akun Anda sendiri.', en: 'You cannot deactivate your own account.' });
        if (before.role === 'admin') await assertAnotherActiveAdmin(ctx, input.id);
        await endSessionsOfUser(ctx.db, input.id);
      }
      await ctx.db
        .updateTable('users')
        .set({ active: input.active ? 1 : 0, updated_at: ctx.app.clock.nowIso() })
        .where('id', '=', input.id)
        .execute();
      const after = await loadUser(ctx, input.id);
      await ctx.audit({ entity: 'users', entityId: input.id, before, after });
      return after;
    },
  }),

  'users.resetPassword': defineMethod({
    summary: 'Mengatur ulang kata sandi pengguna; membuka kunci dan mengakhiri sesinya.',
    access: ['admin'],
    mutation: true,
    input: z.strictObject({ id: userId, password: newPasswordField }),
    // The policy check and the hash, before the transaction.
    prepare: async (ctx, input) => {
      const target = await ctx.read(async (db) => ({
        user: await db.selectFrom('users').select(['username', 'full_name']).where('id', '=', input.id).executeTakeFirst(),
        office: await officeName(db),
      }));
      if (!target.user) throw notFound({ id: 'Pengguna', en: 'User' });
      assertAcceptablePassword(input.password, { username: target.user.username, fullName: target.user.full_name, officeName: target.office }, 'password', {
        id: 'Kata sandi',
        en: 'Password',
      });
      return hashNewPassword(ctx, input.password);
    },
    handler: async (ctx, input, passwordHash) => {
      await loadUser(ctx, input.id);
      await ctx.db
        .updateTable('users')
        .set({
          password_hash: passwordHash,
          must_change_password: 1,
          failed_logins: 0,
          locked_until: null,
          updated_at: ctx.app.clock.nowIso(),
        })
        .where('id', '=', input.id)
        .execute();
      await endSessionsOfUser(ctx.db, input.id);
      await clearThrottle(ctx.db, [loginSubject({ id: input.id }, ''), changeSubject(input.id)]);
      await ctx.audit({ entity: 'users', entityId: input.id, after: { passwordReset: true } });
      return null;
    },
  }),

  'users.unlock': defineMethod({
    summary: 'Membuka kunci akun di semua komputer setelah terlalu banyak kata sandi salah (kata sandinya tetap).',
    access: ['admin'],
    mutation: true,
    input: z.strictObject({ id: userId }),
    handler: async (ctx, input) => {
      const before = await loadUser(ctx, input.id);
      await clearThrottle(ctx.db, [loginSubject({ id: input.id }, ''), changeSubject(input.id)]);
      await ctx.audit({ entity: 'users', entityId: input.id, before: { lockedUntil: before.lockedUntil }, after: { unlocked: true } });
      return loadUser(ctx, input.id);
    },
  }),
};
