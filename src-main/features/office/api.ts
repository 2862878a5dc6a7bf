import { z } from 'zod';
import { AppError, badInput, conflict } from '../../core/api/errors';
import { defineMethod, type CallContext } from '../../core/api/registry';
import { fieldMessage, label, optionalText, postalCodeField, text } from '../../core/api/validation';
import { hashNewPassword } from '../../core/auth/passwords';
import { createSession } from '../../core/auth/sessions';
import { assertAcceptablePassword } from '../../core/auth/password-policy';
import { generateSigningKey } from '../../core/signing';
import { schemaVersion } from '../../core/db/migrator';
import { storedFingerprint } from '../../server/tls';
import { loadOffice } from '../../core/office';
import { newPasswordField, nipField, usernameField } from '../users';
import { postalCodeMethods } from './postal-codes';

export const DEFAULT_PROVINCE_LABEL = 'Pemerintah Provinsi Daerah Khusus Jakarta';

const officeFields = {
  kotaKode: label(z.string().regex(/^31\.\d{2}$/, fieldMessage({ id: 'pilih kota/kabupaten dari daftar', en: 'choose the kota/kabupaten from the list' })), {
    id: 'Kota/Kabupaten',
    en: 'Kota/Kabupaten',
  }),
  kecamatanKode: label(z.string().regex(/^31\.\d{2}\.\d{2}$/, fieldMessage({ id: 'pilih kecamatan dari daftar', en: 'choose the kecamatan from the list' })), {
    id: 'Kecamatan',
    en: 'Kecamatan',
  }),
  name: text({ id: 'Nama kantor', en: 'Office name' }, 120),
  provinceLabel: text({ id: 'Nama provinsi pada kop', en: 'Province name on the letterhead' }, 120).default(DEFAULT_PROVINCE_LABEL),
  address: text({ id: 'Alamat kantor', en: 'Office address' }, 300),
  postalCode: postalCodeField().nullish(),
  phone: optionalText({ id: 'Telepon kantor', en: 'Office phone' }, 30),
  email: label(z.email().max(120), { id: 'Email kantor', en: 'Office email' }).nullish(),
  letterheadLines: label(z.array(z.string().trim().min(1).max(120)).min(1).max(6), { id: 'Baris kop surat', en: 'Letterhead lines' }),
  signatoryName: text({ id: 'Nama penanda tangan', en: 'Signatory name' }, 120),
  signatoryTitle: text({ id: 'Jabatan penanda tangan', en: 'Signatory title' }, 160),
  signatoryNip: nipField,
  yearlyTarget: label(z.number().int().min(0).max(1_000_000), { id: 'Target tahunan wirausaha baru', en: 'Yearly target of new entrepreneurs' }),
};

const { kotaKode: _kota, kecamatanKode: _kecamatan, ...editableFields } = officeFields;
type EditableFields = z.output<z.ZodObject<typeof editableFields>>;

/** The office's columns that setup fills and the settings screen may change (not its region). */
const editableColumns = (o: EditableFields) => ({
  name: o.name,
  province_label: o.provinceLabel,
  address: o.address,
  postal_code: o.postalCode ?? null,
  phone: o.phone ?? null,
  email: o.email ?? null,
  letterhead_lines: JSON.stringify(o.letterheadLines),
  signatory_name: o.signatoryName,
  signatory_title: o.signatoryTitle,
  signatory_nip: o.signatoryNip,
  yearly_target: o.yearlyTarget,
});

/** Kota and kecamatan must be real and the kecamatan must lie in the kota. */
async function checkRegion(ctx: CallContext, kotaKode: string, kecamatanKode: string) {
  const kec = await ctx.db
    .selectFrom('regions')
    .select(['kode', 'parent_kode'])
    .where('kode', '=', kecamatanKode)
    .where('level', '=', 'kecamatan')
    .executeTakeFirst();
  if (!kec)
    throw badInput('kecamatanKode', {
      id: 'Kecamatan: kode tidak ada di daftar wilayah DKI Jakarta',
      en: 'Kecamatan: the code is not in the list of DKI Jakarta regions',
    });
  if (kec.parent_kode !== kotaKode)
    throw badInput('kecamatanKode', { id: 'Kecamatan: tidak berada di kota/kabupaten yang dipilih', en: 'Kecamatan: not in the chosen kota/kabupaten' });
}

export const officeMethods = {
  'office.status': defineMethod({
    summary: 'Apakah kantor sudah disiapkan (penyiapan awal selesai).',
    access: 'public',
    beforeSetup: true,
    mutation: false,
    input: z.strictObject({}),
    handler: async ({ db, app }) => {
      const office = await db.selectFrom('office').select('name').executeTakeFirst();
      return { setupDone: office !== undefined, officeName: office?.name ?? null, version: app.version, schemaVersion };
    },
  }),

  'office.setup': defineMethod({
    summary: 'Penyiapan awal: data kantor, kunci tanda tangan kantor, dan akun admin pertama.',
    access: 'public',
    beforeSetup: true,
    mutation: true,
    input: z.strictObject({
      office: z.strictObject(officeFields),
      admin: z.strictObject({ username: usernameField, fullName: text({ id: 'Nama lengkap admin', en: 'Admin full name' }, 120), password: newPasswordField }),
    }),
    prepare: async (ctx, input) => {
      // Refused before the hash: a public method must not let anyone run scrypt for nothing.
      if (await ctx.read((db) => db.selectFrom('office').select('id').executeTakeFirst()))
        throw conflict({
          id: 'Kantor sudah disiapkan. Penyiapan awal hanya sekali.',
          en: 'The office is already set up. The first-run setup is done only once.',
        });
      assertAcceptablePassword(
        input.admin.password,
        { username: input.admin.username, fullName: input.admin.fullName, officeName: input.office.name },
        'admin.password',
        { id: 'Kata sandi', en: 'Password' },
      );
      return hashNewPassword(ctx, input.admin.password);
    },
    handler: async (ctx, input, passwordHash) => {
      const existing = await ctx.db.selectFrom('office').select('id').executeTakeFirst();
      if (existing)
        throw conflict({
          id: 'Kantor sudah disiapkan. Penyiapan awal hanya sekali.',
          en: 'The office is already set up. The first-run setup is done only once.',
        });
      await checkRegion(ctx, input.office.kotaKode, input.office.kecamatanKode);
      const o = input.office;
      const now = ctx.app.clock.nowIso();
      // The office's own Ed25519 key signs its certificates so anyone can verify them offline.
      const key = generateSigningKey();
      await ctx.db
        .insertInto('office')
        .values({
          id: ctx.app.newId(),
          ...editableColumns(o),
          kota_kode: o.kotaKode,
          kecamatan_kode: o.kecamatanKode,
          key_id: key.keyId,
          public_key: key.publicKeyPem,
          private_key: key.privateKeyPem,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const adminId = ctx.app.newId();
      await ctx.db
        .insertInto('users')
        .values({
          id: adminId,
          username: input.admin.username,
          full_name: input.admin.fullName,
          role: 'admin',
          password_hash: passwordHash,
          created_at: now,
          updated_at: now,
        })
        .execute();
      // The person who set the office up is logged in as its admin straight away.
      const session = await createSession(ctx.db, adminId, ctx.app);
      ctx.setSession(session.token);
      const office = await loadOffice(ctx);
      await ctx.audit({ entity: 'office', entityId: office.keyId, after: { office, admin: { id: adminId, username: input.admin.username } } });
      return {
        office,
        csrfToken: session.csrfToken,
        user: { id: adminId, username: input.admin.username, fullName: input.admin.fullName, role: 'admin' as const, isPendamping: false },
      };
    },
  }),

  'office.get': defineMethod({
    summary: 'Data kantor: wilayah, kop surat, penanda tangan, target, kunci publik.',
    access: 'authenticated',
    mutation: false,
    input: z.strictObject({}),
    handler: async (ctx) => ({ ...(await loadOffice(ctx)), lanCertificateFingerprint: storedFingerprint(ctx.app.dataDir) }),
  }),

  'office.update': defineMethod({
    summary: 'Mengubah pengaturan kantor (hanya admin). Wilayah kantor tidak dapat diubah.',
    access: ['admin'],
    mutation: true,
    // Everything but the region; the province label has no default here: it is shown and sent.
    input: z.strictObject({ ...editableFields, provinceLabel: text({ id: 'Nama provinsi pada kop', en: 'Province name on the letterhead' }, 120) }),
    handler: async (ctx, input) => {
      const before = await loadOffice(ctx);
      await ctx.db
        .updateTable('office')
        .set({ ...editableColumns(input), updated_at: ctx.app.clock.nowIso() })
        .execute();
      const after = await loadOffice(ctx);
      await ctx.audit({ entity: 'office', entityId: after.keyId, before, after });
      return { ...after, lanCertificateFingerprint: storedFingerprint(ctx.app.dataDir) };
    },
  }),

  'office.backups': defineMethod({
    summary: 'Daftar cadangan basis data kantor (terbaru lebih dulu).',
    access: ['admin'],
    mutation: false,
    input: z.strictObject({}),
    handler: ({ app }) => app.backups.list().map(({ name, size, createdAt, kind, encrypted }) => ({ name, size, createdAt, kind, encrypted })),
  }),

  'office.backup': defineMethod({
    summary: 'Membuat cadangan basis data sekarang (salinan utuh dan konsisten di folder data), terenkripsi bila diberi frasa sandi.',
    access: ['admin'],
    mutation: true,
    // SQLite's online backup cannot run inside the call's transaction.
    transaction: false,
    input: z.strictObject({
      /** Never stored: without it the backup cannot be restored. */
      passphrase: label(z.string().min(12).max(128), { id: 'Frasa sandi', en: 'Passphrase' }).optional(),
    }),
    handler: async (ctx, input) => {
      const info = await ctx.app.backups.create({ kind: 'manual', passphrase: input.passphrase });
      await ctx.audit({ entity: 'office', entityId: null, after: { backup: info.name, size: info.size, encrypted: info.encrypted } });
      return { name: info.name, size: info.size, createdAt: info.createdAt, kind: info.kind, encrypted: info.encrypted };
    },
  }),

  'office.restore': defineMethod({
    summary:
      'Memulihkan basis data dari cadangan di folder cadangan: diperiksa dulu (integritas, riwayat skema, rantai audit), basis data saat ini dicadangkan, lalu ditukar sekaligus. Semua sesi berakhir.',
    access: ['admin'],
    mutation: true,
    // The database itself is swapped: no transaction can span that.
    transaction: false,
    input: z.strictObject({
      name: label(z.string().min(1).max(200), { id: 'Berkas cadangan', en: 'Backup file' }),
      passphrase: label(z.string().min(1).max(128), { id: 'Frasa sandi', en: 'Passphrase' }).optional(),
    }),
    handler: async (ctx, input) => {
      // Only a file of the backup folder, named exactly as listed: no paths from the caller.
      const backup = ctx.app.backups.list().find((b) => b.name === input.name);
      if (!backup)
        throw new AppError(
          'not_found',
          { id: 'Berkas cadangan: tidak ada di folder cadangan kantor.', en: 'Backup file: not in the office backup folder.' },
          { name: { id: 'Berkas cadangan: tidak ditemukan', en: 'Backup file: not found' } },
        );
      const result = await ctx.app.backups.restore(backup.file, {
        passphrase: input.passphrase,
        user: ctx.user,
        fromCall: true,
        // The outgoing database records who replaced it, and with what.
        beforeSwap: () => ctx.audit({ entity: 'office', entityId: null, after: { restoreFrom: backup.name } }),
      });
      ctx.setSession(null);
      return { restoredFrom: result.restoredFrom, previous: result.previous.name, schemaVersion: result.schemaVersion };
    },
  }),

  ...postalCodeMethods,
};
