// Pendaftaran: members (pelaku usaha) and their businesses, checked by the identifier rules,
// listed and searched in SQL, exported, and imported from the offices' spreadsheets.
//
// Who sees a NIK: lists, profiles and exports show it masked (3171••••••••0001) to everyone.
// Admin, supervisor and petugas may reveal one member's NIK and No. KK (members.revealNik,
// audited) and may export with full NIKs (audited with the flag); loket never sees them.
import { stageName } from '../../core/stages';
import { evidenceIn } from '../../core/record-texts';
import { z } from 'zod';
import { AppError, badInput, conflict, notFound, type FieldPhrases } from '../../core/api/errors';
import { verbatim } from '../../../src-shared/i18n';
import { defineMethod, type CallContext } from '../../core/api/registry';
import { fieldMessage, id, isoDate, label, summarise } from '../../core/api/validation';
import type { Role } from '../../core/db/schema';
import type { MembersTable } from './tables';
import { jakartaDate } from '../../core/clock';
import { setSetting } from '../../core/settings';
import { completeStage } from '../../core/stages';
import { checkBusiness, checkMemberFields, checkRegistration, loadReference } from './checks';
import { exportMembers, exportInput } from './export';
import {
  cancelImport,
  continueImport,
  importPreview,
  importPreviewInput,
  importProblems,
  importRunInput,
  importStatus,
  prepareImport,
  recentImports,
  renderImportReport,
  renderStartedImport,
  startImport,
} from './import';
import { listInput, listMembers } from './list';
import { isMasked, maskNpwp } from '../../core/masking';
import { DEFAULT_MEMBER_NUMBER_TEMPLATE, maskNik, memberTemplateProblem } from './rules/member-number';
import { SCALE_LABELS } from '../../../src-shared/rules/scale';
import { businessFields, conditionFields, memberFields, registerInput, stageCodes } from './schemas';
import {
  MEMBER_NUMBER_SETTING,
  collidingMemberNumber,
  findByNik,
  findLikelyDuplicate,
  insertMembers,
  memberNumberTemplate,
  nikTakenError,
  refreshSearch,
} from './store';

/** Roles that register and edit members. */
export const registrarRoles = ['admin', 'supervisor', 'petugas'] as const satisfies readonly Role[];
/** Roles that may see a NIK unmasked (on request, audited). */
export const nikRoles = ['admin', 'supervisor', 'petugas'] as const satisfies readonly Role[];

export const canSeeNik = (role: Role | undefined) => (nikRoles as readonly string[]).includes(role ?? '');

const memberId = id({ id: 'Anggota', en: 'Member' });
const businessId = id({ id: 'Usaha', en: 'Business' });

const today = (ctx: CallContext) => jakartaDate(ctx.app.clock.nowIso());

function refuse(fields: FieldPhrases): never {
  throw new AppError('bad_input', summarise(fields), fields);
}

async function checkPendamping(ctx: CallContext, pendampingId: string | null | undefined, fields: FieldPhrases) {
  if (!pendampingId) return;
  const p = await ctx.db.selectFrom('users').select('id').where('id', '=', pendampingId).where('is_pendamping', '=', 1).executeTakeFirst();
  if (!p) fields.pendampingId = { id: 'Pendamping: pilih pendamping dari daftar', en: 'Pendamping: choose a pendamping from the list' };
}

function duplicateWarning(d: { id: string; memberNo: string; fullName: string; nikMasked: string }) {
  const message = {
    id: `Nama dan tanggal lahir sama dengan anggota ${d.fullName} (${d.memberNo}, NIK ${d.nikMasked}). Bila memang orang yang berbeda, simpan sekali lagi dengan konfirmasi.`,
    en: `Same name and date of birth as member ${d.fullName} (${d.memberNo}, NIK ${d.nikMasked}). If this really is another person, save once more with the confirmation.`,
  };
  // The existing member travels with the refusal, for the form's link to it.
  return conflict(message, { confirmDuplicate: message, existingMemberId: verbatim(d.id), existingMemberNo: verbatim(d.memberNo) });
}

/** A member as written to the audit trail: identifiers masked. */
function maskedMember(m: MembersTable) {
  const { nik, nik_rev: _rev, kk, ...rest } = m;
  return { ...rest, nik: maskNik(nik), kk: kk ? maskNik(kk) : null };
}

async function memberSnapshot(ctx: CallContext, memberId: string) {
  const m = await ctx.db.selectFrom('members').selectAll().where('id', '=', memberId).executeTakeFirst();
  return m ? maskedMember(m) : null;
}

async function businessSnapshot(ctx: CallContext, businessId: string) {
  const b = await ctx.db.selectFrom('businesses').selectAll().where('id', '=', businessId).executeTakeFirst();
  return b ? { ...b, npwp: maskNpwp(b.npwp) } : undefined;
}

async function loadMember(ctx: CallContext, memberIdValue: string) {
  const m = await ctx.db
    .selectFrom('members')
    .leftJoin('regions as kel', 'kel.kode', 'members.kelurahan_kode')
    .leftJoin('regions as kec', 'kec.kode', 'kel.parent_kode')
    .leftJoin('users as p', 'p.id', 'members.pendamping_id')
    .select([
      'members.id',
      'members.member_no as memberNo',
      'members.nik',
      'members.kk',
      'members.full_name as fullName',
      'members.birth_place as birthPlace',
      'members.birth_date as birthDate',
      'members.gender',
      'members.education',
      'members.address_street as addressStreet',
      'members.rt',
      'members.rw',
      'members.kelurahan_kode as kelurahanKode',
      'kel.nama as kelurahanNama',
      'kec.nama as kecamatanNama',
      'members.phone',
      'members.email',
      'members.target_group as targetGroup',
      'members.skpd',
      'members.pendamping_id as pendampingId',
      'p.full_name as pendampingNama',
      'members.status',
      'members.registered_on as registeredOn',
      'members.created_at as createdAt',
      'members.updated_at as updatedAt',
    ])
    .where('members.id', '=', memberIdValue)
    .executeTakeFirst();
  if (!m) throw notFound({ id: 'Anggota', en: 'Member' });
  return m;
}

async function memberProfile(ctx: CallContext, memberIdValue: string) {
  const { nik, kk, ...m } = await loadMember(ctx, memberIdValue);
  const businesses = await ctx.db
    .selectFrom('businesses')
    .leftJoin('kbli', (j) => j.onRef('kbli.versi', '=', 'businesses.kbli_versi').onRef('kbli.kode', '=', 'businesses.kbli_kode'))
    .leftJoin('regions', 'regions.kode', 'businesses.kelurahan_kode')
    .select([
      'businesses.id',
      'businesses.name',
      'businesses.legal_form as legalForm',
      'businesses.kbli_versi as kbliVersi',
      'businesses.kbli_kode as kbliKode',
      'kbli.judul as kbliJudul',
      'businesses.products',
      'businesses.address_street as addressStreet',
      'businesses.kelurahan_kode as kelurahanKode',
      'regions.nama as kelurahanNama',
      'businesses.postal_code as postalCode',
      'businesses.phone',
      'businesses.start_date as startDate',
      'businesses.place_status as placeStatus',
      'businesses.capital',
      'businesses.monthly_turnover as monthlyTurnover',
      'businesses.employees',
      'businesses.scale',
      'businesses.npwp',
      'businesses.nib',
      'businesses.halal_status as halalStatus',
      'businesses.pirt_status as pirtStatus',
      'businesses.status',
      'businesses.created_at as createdAt',
      'businesses.updated_at as updatedAt',
    ])
    .where('businesses.member_id', '=', memberIdValue)
    .orderBy('businesses.created_at')
    .orderBy('businesses.id')
    .execute();
  const conditions = businesses.length
    ? await ctx.db
        .selectFrom('business_conditions')
        .leftJoin('users', 'users.id', 'business_conditions.recorded_by')
        .selectAll('business_conditions')
        .select('users.full_name as recordedByName')
        .where(
          'business_conditions.business_id',
          'in',
          businesses.map((b) => b.id),
        )
        .orderBy('business_conditions.recorded_on', 'desc')
        .orderBy('business_conditions.created_at', 'desc')
        .execute()
    : [];
  const stages = await ctx.db
    .selectFrom('programme_stages as s')
    .leftJoin('member_stages as ms', (j) => j.onRef('ms.stage_code', '=', 's.code').on('ms.member_id', '=', memberIdValue))
    .leftJoin('users as u', 'u.id', 'ms.recorded_by')
    .select([
      's.code',
      's.label',
      's.sort_order as sortOrder',
      's.mandatory',
      'ms.status',
      'ms.completed_on as completedOn',
      'ms.evidence',
      'ms.source',
      'ms.source_id as sourceId',
      'u.full_name as recordedByName',
      'ms.recorded_at as recordedAt',
    ])
    .orderBy('s.sort_order')
    .execute();
  const toCondition = (c: (typeof conditions)[number]) => ({
    id: c.id,
    recordedOn: c.recorded_on,
    closedTemporarily: c.closed_temporarily === null ? null : c.closed_temporarily === 1,
    loanTrouble: c.loan_trouble === null ? null : c.loan_trouble === 1,
    turnoverDropPct: c.turnover_drop_pct,
    recovered: c.recovered === null ? null : c.recovered === 1,
    sellsOnline: c.sells_online === 1,
    marketplace: c.marketplace === 1,
    socialMedia: c.social_media === 1,
    qris: c.qris === 1,
    eorder: c.eorder === 1,
    bookkeepingApp: c.bookkeeping_app === 1,
    note: c.note,
    recordedByName: c.recordedByName,
  });
  return {
    ...m,
    nikMasked: maskNik(nik),
    kkMasked: kk ? maskNik(kk) : null,
    canRevealNik: canSeeNik(ctx.user?.role),
    businesses: businesses.map((b) => {
      const history = conditions.filter((c) => c.business_id === b.id).map(toCondition);
      // An individual's NPWP is their NIK (since 2024): masked like the NIK for every role; the
      // full value only through members.revealNik.
      return { ...b, npwp: maskNpwp(b.npwp), scaleLabel: SCALE_LABELS[b.scale][ctx.locale], latestCondition: history[0] ?? null, conditions: history };
    }),
    stages: stages.map((s) => ({
      ...s,
      label: stageName(s.code, s.label, ctx.locale),
      evidence: evidenceIn(s.evidence, s.source, ctx.locale),
      mandatory: s.mandatory === 1,
      status: s.status ?? ('belum' as const),
    })),
  };
}

export type MemberProfile = Awaited<ReturnType<typeof memberProfile>>;

const updateMemberInput = z.strictObject({
  id: memberId,
  ...memberFields,
  /** Leave out to keep the stored NIK / No. KK (the form shows them masked). */
  nik: memberFields.nik.optional(),
  kk: memberFields.kk.optional(),
  status: label(z.enum(['aktif', 'nonaktif']), { id: 'Status', en: 'Status' }).default('aktif'),
  confirmDuplicate: label(z.boolean(), { id: 'Konfirmasi duplikat', en: 'Confirm duplicates' }).default(false),
});

const businessInputWithMember = z.strictObject({ memberId, ...businessFields });
const businessUpdateInput = z.strictObject({
  id: businessId,
  ...businessFields,
  status: label(z.enum(['aktif', 'tutup']), { id: 'Status usaha', en: 'Business status' }).default('aktif'),
});

async function updateMember(ctx: CallContext, input: z.output<typeof updateMemberInput>) {
  const stored = await ctx.db.selectFrom('members').select(['nik', 'kk']).where('id', '=', input.id).executeTakeFirst();
  if (!stored) throw notFound({ id: 'Anggota', en: 'Member' });
  const before = await memberSnapshot(ctx, input.id);
  const ref = await loadReference(ctx.db);
  const fields: FieldPhrases = {};
  const values = checkMemberFields({ ...input, nik: input.nik ?? stored.nik, kk: input.kk === undefined ? stored.kk : input.kk }, ref, today(ctx), fields);
  await checkPendamping(ctx, input.pendampingId, fields);
  if (Object.keys(fields).length) refuse(fields);
  if (values.nik !== stored.nik) {
    const existing = await findByNik(ctx.db, values.nik);
    if (existing && existing.id !== input.id) throw nikTakenError(existing);
  }
  if (!input.confirmDuplicate) {
    const dup = await findLikelyDuplicate(ctx.db, values.name_key, values.birth_date, values.nik, input.id);
    if (dup) throw duplicateWarning(dup);
  }
  await ctx.db
    .updateTable('members')
    .set({ ...values, status: input.status, updated_at: ctx.app.clock.nowIso() })
    .where('id', '=', input.id)
    .execute();
  await refreshSearch(ctx.db, input.id);
  await ctx.audit({ entity: 'members', entityId: input.id, before, after: await memberSnapshot(ctx, input.id) });
  return memberProfile(ctx, input.id);
}

async function addBusiness(ctx: CallContext, input: z.output<typeof businessInputWithMember>) {
  const member = await ctx.db.selectFrom('members').select('id').where('id', '=', input.memberId).executeTakeFirst();
  if (!member) throw notFound({ id: 'Anggota', en: 'Member' });
  const fields: FieldPhrases = {};
  const { memberId: mId, ...b } = input;
  const values = checkBusiness(b, await loadReference(ctx.db), fields, '');
  if (Object.keys(fields).length) refuse(fields);
  const now = ctx.app.clock.nowIso();
  const idValue = ctx.app.newId();
  await ctx.db
    .insertInto('businesses')
    .values({ ...values, id: idValue, member_id: mId, created_at: now, updated_at: now })
    .execute();
  await refreshSearch(ctx.db, mId);
  await ctx.audit({ entity: 'businesses', entityId: idValue, after: await businessSnapshot(ctx, idValue) });
  return { id: idValue, scale: values.scale };
}

/**
 * The form shows an NPWP that is a NIK masked: sent back unchanged, it means "keep the stored
 * one". Any other masked text is refused at its field.
 */
async function unmaskedNpwp(ctx: CallContext, businessIdValue: string, npwp: string | null | undefined, field: string, fields: FieldPhrases) {
  if (!npwp || !isMasked(npwp)) return npwp;
  const stored = await ctx.db.selectFrom('businesses').select('npwp').where('id', '=', businessIdValue).executeTakeFirst();
  if (stored && maskNpwp(stored.npwp) === npwp) return stored.npwp;
  fields[field] = { id: 'NPWP: isi lengkap NPWP yang baru, atau biarkan seperti semula', en: 'NPWP: enter the whole new NPWP, or leave it as it was' };
  return null;
}

async function updateBusiness(ctx: CallContext, input: z.output<typeof businessUpdateInput>) {
  const before = await businessSnapshot(ctx, input.id);
  if (!before) throw notFound({ id: 'Usaha', en: 'Business' });
  const fields: FieldPhrases = {};
  const { id: idValue, status, ...b } = input;
  b.npwp = await unmaskedNpwp(ctx, idValue, b.npwp, 'npwp', fields);
  if (Object.keys(fields).length) refuse(fields);
  const values = checkBusiness(b, await loadReference(ctx.db), fields, '');
  if (Object.keys(fields).length) refuse(fields);
  await ctx.db
    .updateTable('businesses')
    .set({ ...values, status, updated_at: ctx.app.clock.nowIso() })
    .where('id', '=', idValue)
    .execute();
  await refreshSearch(ctx.db, before.member_id);
  await ctx.audit({ entity: 'businesses', entityId: idValue, before, after: await businessSnapshot(ctx, idValue) });
  return { id: idValue, scale: values.scale };
}

const saveMemberInput = updateMemberInput.extend({
  businesses: label(
    z
      .array(
        z.strictObject({
          id: businessId.optional(),
          ...businessFields,
          status: label(z.enum(['aktif', 'tutup']), { id: 'Status usaha', en: 'Business status' }).default('aktif'),
        }),
      )
      .min(1)
      .max(10),
    { id: 'Usaha', en: 'Business' },
  ),
});

/**
 * The member page's Simpan: the person and every business in one call, so one transaction. The
 * whole form is checked first and every refusal comes back at once, each at its field
 * (`businesses.1.kbliKode`); nothing is written unless everything can be.
 */
async function saveMember(ctx: CallContext, input: z.output<typeof saveMemberInput>) {
  const { businesses, ...member } = input;
  const ref = await loadReference(ctx.db);
  const fields: FieldPhrases = {};
  const stored = await ctx.db.selectFrom('members').select(['nik', 'kk']).where('id', '=', member.id).executeTakeFirst();
  if (!stored) throw notFound({ id: 'Anggota', en: 'Member' });
  checkMemberFields({ ...member, nik: member.nik ?? stored.nik, kk: member.kk === undefined ? stored.kk : member.kk }, ref, today(ctx), fields);
  await checkPendamping(ctx, member.pendampingId, fields);
  const own = new Set((await ctx.db.selectFrom('businesses').select('id').where('member_id', '=', member.id).execute()).map((b) => b.id));
  for (const [i, b] of businesses.entries()) if (b.id && own.has(b.id)) b.npwp = await unmaskedNpwp(ctx, b.id, b.npwp, `businesses.${i}.npwp`, fields);
  businesses.forEach(({ id: bid, status: _status, ...b }, i) => {
    if (bid && !own.has(bid)) fields[`businesses.${i}.id`] = { id: 'Usaha: bukan usaha anggota ini', en: 'Business: not a business of this member' };
    checkBusiness(b, ref, fields, `businesses.${i}.`);
  });
  if (Object.keys(fields).length) refuse(fields);
  await updateMember(ctx, member);
  for (const b of businesses) {
    const { id: bid, ...rest } = b;
    if (bid) await updateBusiness(ctx, { ...rest, id: bid });
    else await addBusiness(ctx, { ...rest, memberId: member.id });
  }
  return memberProfile(ctx, member.id);
}

export const registrationMethods = {
  'members.register': defineMethod({
    summary: 'Mendaftarkan anggota baru beserta usahanya (NIK, KK, NPWP, telepon, kelurahan, KBLI diperiksa; P1 tercatat).',
    access: registrarRoles,
    mutation: true,
    input: registerInput,
    handler: async (ctx, input) => {
      const ref = await loadReference(ctx.db);
      const day = today(ctx);
      const { value, fields } = checkRegistration(input, ref, day);
      await checkPendamping(ctx, input.pendampingId, fields);
      if (Object.keys(fields).length) refuse(fields);
      const existing = await findByNik(ctx.db, value.member.nik);
      if (existing) throw nikTakenError(existing);
      if (!input.confirmDuplicate) {
        const dup = await findLikelyDuplicate(ctx.db, value.member.name_key, value.member.birth_date, value.member.nik);
        if (dup) throw duplicateWarning(dup);
      }
      const nowIso = ctx.app.clock.nowIso();
      const [created] = await insertMembers(ctx.db, [{ checked: value, registeredOn: input.registeredOn ?? day }], {
        userId: ctx.user?.id ?? null,
        nowIso,
        newId: ctx.app.newId,
        source: 'registration',
      });
      await ctx.audit({
        entity: 'members',
        entityId: created.id,
        after: { ...maskedMember(created.row), businesses: value.businesses.map((b, i) => ({ id: created.businessIds[i], ...b, npwp: maskNpwp(b.npwp) })) },
      });
      return { id: created.id, memberNo: created.memberNo, businessIds: created.businessIds };
    },
  }),

  'members.update': defineMethod({
    summary: 'Mengubah data pribadi anggota dengan pemeriksaan yang sama seperti pendaftaran.',
    access: registrarRoles,
    mutation: true,
    input: updateMemberInput,
    handler: updateMember,
  }),

  'members.save': defineMethod({
    summary: 'Menyimpan data pribadi anggota beserta semua usahanya dalam satu transaksi (usaha tanpa id ditambahkan).',
    access: registrarRoles,
    mutation: true,
    input: saveMemberInput,
    handler: saveMember,
  }),

  'members.get': defineMethod({
    summary: 'Profil anggota: data pribadi (NIK tersamar), usaha dengan skala dan kondisi terakhir, daftar 7P.',
    access: 'authenticated',
    mutation: false,
    input: z.strictObject({ id: memberId }),
    handler: (ctx, input) => memberProfile(ctx, input.id),
  }),

  'members.revealNik': defineMethod({
    summary: 'Menampilkan NIK, No. KK dan NPWP (yang berupa NIK) lengkap seorang anggota (tercatat di jejak audit).',
    access: nikRoles,
    mutation: true,
    input: z.strictObject({ id: memberId }),
    handler: async (ctx, input) => {
      const m = await ctx.db.selectFrom('members').select(['nik', 'kk', 'member_no']).where('id', '=', input.id).executeTakeFirst();
      if (!m) throw notFound({ id: 'Anggota', en: 'Member' });
      const businesses = await ctx.db.selectFrom('businesses').select(['id', 'npwp']).where('member_id', '=', input.id).execute();
      // The NPWPs that are NIKs are shown masked too: the reveal gives them with the NIK.
      const npwp = Object.fromEntries(businesses.flatMap((b) => (b.npwp && maskNpwp(b.npwp) !== b.npwp ? [[b.id, b.npwp]] : [])));
      await ctx.audit({ entity: 'members', entityId: input.id, after: { revealed: 'nik', memberNo: m.member_no, npwpOf: Object.keys(npwp) } });
      return { nik: m.nik, kk: m.kk, npwp };
    },
  }),

  'members.history': defineMethod({
    summary: 'Riwayat perubahan anggota dan usahanya dari jejak audit, terbaru dahulu.',
    access: 'authenticated',
    mutation: false,
    input: z.strictObject({ id: memberId, limit: label(z.number().int().min(1).max(500), { id: 'Batas', en: 'Limit' }).default(100) }),
    handler: async (ctx, input) => {
      const businessIds = (await ctx.db.selectFrom('businesses').select('id').where('member_id', '=', input.id).execute()).map((b) => b.id);
      const rows = await ctx.db
        .selectFrom('audit_log')
        .select(['id', 'at', 'username', 'method', 'entity', 'entity_id as entityId', 'before', 'after'])
        .where((eb) =>
          eb.or([
            eb.and([eb('entity', 'in', ['members', 'member_stages']), eb('entity_id', '=', input.id)]),
            ...(businessIds.length ? [eb.and([eb('entity', 'in', ['businesses', 'business_conditions']), eb('entity_id', 'in', businessIds)])] : []),
          ]),
        )
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(input.limit)
        .execute();
      // A stage's evidence the app wrote itself reads in the caller's language, as on the stage list.
      const readable = (entity: string, json: string | null): unknown => {
        const value = json ? (JSON.parse(json) as unknown) : null;
        if (entity !== 'member_stages' || !value || typeof value !== 'object' || !('evidence' in value)) return value;
        const v = value as { evidence: unknown; source?: unknown };
        return typeof v.evidence === 'string' ? { ...v, evidence: evidenceIn(v.evidence, typeof v.source === 'string' ? v.source : null, ctx.locale) } : value;
      };
      return rows.map((r) => ({ ...r, before: readable(r.entity, r.before), after: readable(r.entity, r.after) }));
    },
  }),

  'members.list': defineMethod({
    summary: 'Daftar anggota di sisi server: cari (nama, ejaan lama, nama usaha, telepon, digit akhir NIK, nomor anggota), filter, urut, halaman.',
    access: 'authenticated',
    mutation: false,
    input: listInput,
    handler: (ctx, input) => listMembers(ctx.db, input),
  }),

  'members.export': defineMethod({
    summary: 'Mengekspor tampilan daftar saat ini ke XLSX atau CSV (NIK tersamar kecuali diminta oleh peran yang berhak).',
    access: registrarRoles,
    mutation: true,
    input: exportInput,
    prepare: (ctx, input) => {
      if (input.unmaskNik && !canSeeNik(ctx.user?.role))
        throw new AppError('forbidden', { id: 'Peran Anda tidak berhak mengekspor NIK lengkap.', en: 'Your role may not export full NIKs.' });
      return exportMembers(ctx, input, jakartaDate(ctx.app.clock.nowIso()));
    },
    handler: async (ctx, input, file) => {
      await ctx.audit({
        entity: 'members',
        entityId: null,
        after: { export: input.format, filters: { ...input }, rows: file.rows, unmaskNik: input.unmaskNik },
      });
      return file;
    },
  }),

  'businesses.add': defineMethod({
    summary: 'Menambah usaha untuk anggota yang sudah terdaftar.',
    access: registrarRoles,
    mutation: true,
    input: businessInputWithMember,
    handler: addBusiness,
  }),

  'businesses.update': defineMethod({
    summary: 'Mengubah data usaha; skala dihitung ulang (PP 7/2021).',
    access: registrarRoles,
    mutation: true,
    input: businessUpdateInput,
    handler: updateBusiness,
  }),

  'businesses.recordCondition': defineMethod({
    summary: 'Mencatat kondisi usaha bertanggal: dampak pandemi dan pemulihan, serta kesiapan digital.',
    access: registrarRoles,
    mutation: true,
    input: z.strictObject({ businessId, ...conditionFields }),
    handler: async (ctx, input) => {
      const b = await ctx.db.selectFrom('businesses').select('id').where('id', '=', input.businessId).executeTakeFirst();
      if (!b) throw notFound({ id: 'Usaha', en: 'Business' });
      if (input.recordedOn > today(ctx))
        throw badInput('recordedOn', { id: 'Tanggal pendataan: tidak boleh setelah hari ini', en: 'Date recorded: may not be after today' });
      const bool = (v: boolean | null | undefined) => (v === null || v === undefined ? null : v ? 1 : 0);
      const row = {
        id: ctx.app.newId(),
        business_id: input.businessId,
        recorded_on: input.recordedOn,
        closed_temporarily: bool(input.closedTemporarily),
        loan_trouble: bool(input.loanTrouble),
        turnover_drop_pct: input.turnoverDropPct ?? null,
        recovered: bool(input.recovered),
        sells_online: input.sellsOnline ? 1 : 0,
        marketplace: input.marketplace ? 1 : 0,
        social_media: input.socialMedia ? 1 : 0,
        qris: input.qris ? 1 : 0,
        eorder: input.eorder ? 1 : 0,
        bookkeeping_app: input.bookkeepingApp ? 1 : 0,
        note: input.note ?? null,
        recorded_by: ctx.user?.id ?? null,
        created_at: ctx.app.clock.nowIso(),
      } as const;
      await ctx.db.insertInto('business_conditions').values(row).execute();
      await ctx.audit({ entity: 'business_conditions', entityId: input.businessId, after: row });
      return { id: row.id };
    },
  }),

  'stages.record': defineMethod({
    summary: 'Mencatat secara manual bahwa anggota telah mencapai suatu tahap 7P, dengan bukti.',
    access: registrarRoles,
    mutation: true,
    input: z.strictObject({
      memberId,
      stage: label(z.enum(stageCodes), { id: 'Tahap', en: 'Stage' }),
      completedOn: isoDate({ id: 'Tanggal selesai', en: 'Date completed' }),
      evidence: label(z.string().trim().min(3).max(500), { id: 'Bukti/keterangan', en: 'Evidence/description' }),
    }),
    handler: async (ctx, input) => {
      const m = await ctx.db.selectFrom('members').select('id').where('id', '=', input.memberId).executeTakeFirst();
      if (!m) throw notFound({ id: 'Anggota', en: 'Member' });
      if (input.completedOn > today(ctx))
        throw badInput('completedOn', { id: 'Tanggal selesai: tidak boleh setelah hari ini', en: 'Date completed: may not be after today' });
      const before = await ctx.db
        .selectFrom('member_stages')
        .selectAll()
        .where('member_id', '=', input.memberId)
        .where('stage_code', '=', input.stage)
        .executeTakeFirst();
      const result = await completeStage(ctx.db, {
        memberId: input.memberId,
        stage: input.stage,
        completedOn: input.completedOn,
        evidence: input.evidence,
        source: 'manual',
        sourceId: null,
        userId: ctx.user?.id ?? null,
        nowIso: ctx.app.clock.nowIso(),
      });
      if (!result.changed)
        throw conflict(
          { id: `Tahap ${input.stage} sudah tercatat selesai untuk anggota ini.`, en: `Stage ${input.stage} is already recorded as done for this member.` },
          { stage: { id: `Tahap: ${input.stage} sudah selesai`, en: `Stage: ${input.stage} is already done` } },
        );
      const after = await ctx.db
        .selectFrom('member_stages')
        .selectAll()
        .where('member_id', '=', input.memberId)
        .where('stage_code', '=', input.stage)
        .executeTakeFirst();
      await ctx.audit({ entity: 'member_stages', entityId: input.memberId, before: before ?? null, after });
      return { changed: true };
    },
  }),

  'registrations.getSettings': defineMethod({
    summary: 'Pengaturan pendaftaran: templat nomor anggota.',
    access: 'authenticated',
    mutation: false,
    input: z.strictObject({}),
    handler: async (ctx) => ({ memberNumberTemplate: await memberNumberTemplate(ctx.db), defaultTemplate: DEFAULT_MEMBER_NUMBER_TEMPLATE }),
  }),

  'registrations.updateSettings': defineMethod({
    summary: 'Mengubah templat nomor anggota (penanda: {kecamatan}, {kota}, {kelurahan}, {tahun}, {bulan}, {seq:N}).',
    access: ['admin'],
    mutation: true,
    input: z.strictObject({
      memberNumberTemplate: label(
        z
          .string()
          .trim()
          .max(60)
          .superRefine((v, c) => {
            const problem = memberTemplateProblem(v);
            if (problem) c.addIssue({ code: 'custom', message: fieldMessage(problem) });
          }),
        { id: 'Templat nomor anggota', en: 'Member number template' },
      ),
    }),
    handler: async (ctx, input) => {
      const before = await memberNumberTemplate(ctx.db);
      // A template that could hand out an issued number again would make every registration fail.
      const clash = await collidingMemberNumber(ctx.db, input.memberNumberTemplate);
      if (clash) {
        const message = {
          id: `Templat nomor anggota: dapat menghasilkan lagi nomor yang sudah diberikan (${clash.memberNo}, milik ${clash.fullName}). Ubah bagian tetap templat, misalnya awalannya.`,
          en: `Member number template: it could hand out an issued number again (${clash.memberNo}, of ${clash.fullName}). Change the fixed part of the template, for example its prefix.`,
        };
        throw conflict(message, { memberNumberTemplate: message });
      }
      await setSetting(ctx.db, MEMBER_NUMBER_SETTING, input.memberNumberTemplate, ctx.app.clock.nowIso());
      await ctx.audit({ entity: 'settings', entityId: MEMBER_NUMBER_SETTING, before, after: input.memberNumberTemplate });
      return { memberNumberTemplate: input.memberNumberTemplate, defaultTemplate: DEFAULT_MEMBER_NUMBER_TEMPLATE };
    },
  }),

  'members.importPreview': defineMethod({
    summary: 'Membaca berkas XLSX/CSV: kolom yang terdeteksi, usulan pemetaan, hasil pemeriksaan baris pertama dan jumlahnya.',
    access: registrarRoles,
    mutation: false,
    input: importPreviewInput,
    // The file is read and checked before the (empty) read transaction: nothing is held meanwhile.
    prepare: (ctx, input) => importPreview(ctx, input),
    handler: (_ctx, _input, preview) => preview,
  }),

  'members.importRun': defineMethod({
    summary:
      'Memulai impor: berkas dibaca dan diperiksa, baris sah disiapkan, lalu ditulis oleh members.importContinue. all_or_nothing: semua baris dalam satu transaksi akhir atau tidak sama sekali (berkas dengan baris tidak sah ditolak utuh). valid_only: per 500 baris.',
    access: registrarRoles,
    mutation: true,
    input: importRunInput,
    prepare: (ctx, input) => prepareImport(ctx, input),
    handler: (ctx, input, file) => startImport(ctx, input, file),
    render: (ctx, started) => renderStartedImport(ctx, started),
  }),

  'members.importContinue': defineMethod({
    summary:
      'Menulis baris yang disiapkan dalam satu transaksi: 500 baris berikutnya (valid_only) atau semuanya (all_or_nothing); dipanggil berulang oleh layar progres.',
    access: registrarRoles,
    mutation: true,
    input: z.strictObject({ jobId: id({ id: 'Impor', en: 'Import' }) }),
    handler: (ctx, input) => continueImport(ctx, input.jobId),
  }),

  'members.importStatus': defineMethod({
    summary: 'Status dan progres sebuah impor.',
    access: registrarRoles,
    mutation: false,
    input: z.strictObject({ jobId: id({ id: 'Impor', en: 'Import' }) }),
    handler: (ctx, input) => importStatus(ctx, input.jobId),
  }),

  'members.importJobs': defineMethod({
    summary: 'Impor terakhir (terbaru dahulu), untuk melanjutkan atau membatalkan impor yang masih berjalan.',
    access: registrarRoles,
    mutation: false,
    input: z.strictObject({ limit: label(z.number().int().min(1).max(100), { id: 'Batas', en: 'Limit' }).default(20) }),
    handler: (ctx, input) => recentImports(ctx, input.limit),
  }),

  'members.importCancel': defineMethod({
    summary: 'Membatalkan impor yang berjalan: kelompok yang sudah ditulis tetap utuh, sisanya tidak ditulis.',
    access: registrarRoles,
    mutation: true,
    input: z.strictObject({ jobId: id({ id: 'Impor', en: 'Import' }) }),
    handler: (ctx, input) => cancelImport(ctx, input.jobId),
  }),

  'members.importReport': defineMethod({
    summary: 'Laporan baris yang tidak diimpor beserta alasannya (CSV atau XLSX).',
    access: registrarRoles,
    mutation: false,
    input: z.strictObject({ jobId: id({ id: 'Impor', en: 'Import' }), format: label(z.enum(['csv', 'xlsx']), { id: 'Format', en: 'Format' }).default('csv') }),
    handler: (ctx, input) => importProblems(ctx, input.jobId),
    render: (ctx, problems, input) => renderImportReport(ctx, problems, input.jobId, input.format),
  }),
};
