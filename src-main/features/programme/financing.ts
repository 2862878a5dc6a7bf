import { maskNpwp } from '../../core/masking';
import { recordText } from '../../core/record-texts';
import { z } from 'zod';
import { sql } from 'kysely';
import { defineWorkflow, type Transition } from '../../core/workflow';
import { badInput, conflict, forbidden, notFound, signedInUser } from '../../core/api/errors';
import { fetchPage, likeEscape, pageInput } from '../../core/api/paging';
import { defineMethod, type CallContext } from '../../core/api/registry';
import { fieldMessage, id, isoDate, label, optionalText } from '../../core/api/validation';
import { formatRupiah } from '../../core/format';
import { dayName, verbatim, type Phrase } from '../../../src-shared/i18n';
import { completeStage } from '../../core/stages';
import { loadSettings, PROGRAMME_ROLES, todayOf } from './common';
import { addMonths, monthOf } from '../../../src-shared/rules/months';
import { checksIn, evaluateBankability, type BankabilityCheckText, type BankabilityResult } from './rules/bankability';
import type { FinancingChannel, FinancingStatus } from './tables';

export const CHANNEL_LABELS: Record<FinancingChannel, Phrase> = {
  bank_dki: { id: 'Bank DKI', en: 'Bank DKI' },
  fintech: { id: 'Fintech', en: 'Fintech' },
  pegadaian: { id: 'Pegadaian', en: 'Pegadaian' },
  koperasi: { id: 'Koperasi', en: 'Cooperative' },
};

const amount = (name: Phrase) =>
  label(
    z
      .number()
      .int(fieldMessage({ id: 'harus bilangan bulat rupiah', en: 'must be whole rupiah' }))
      .min(1, fieldMessage({ id: 'harus lebih dari 0', en: 'must be more than 0' }))
      .max(100_000_000_000),
    name,
  );

/** Permit evidence from the business's NIB, its issued IUMK, or a recorded P4 stage. */
async function permitEvidence(ctx: Pick<CallContext, 'db'>, business: { id: string; member_id: string; nib: string | null }): Promise<Phrase | null> {
  if (business.nib?.trim()) return verbatim(`NIB ${business.nib.trim()}`);
  const permit = await ctx.db
    .selectFrom('permits')
    .select('number')
    .where('business_id', '=', business.id)
    .where('status', 'in', ['terbit', 'diserahkan'])
    .executeTakeFirst();
  if (permit) return permit.number ? verbatim(`IUMK ${permit.number}`) : { id: 'IUMK terbit', en: 'IUMK issued' };
  const p4 = await ctx.db
    .selectFrom('member_stages')
    .select(['completed_on', 'evidence'])
    .where('member_id', '=', business.member_id)
    .where('stage_code', '=', 'P4')
    .where('status', '=', 'selesai')
    .executeTakeFirst();
  if (p4) {
    const on = p4.completed_on ? dayName(p4.completed_on) : verbatim('');
    const evidence = p4.evidence ? ` (${p4.evidence})` : '';
    return { id: `Tahap P4 selesai ${on.id}${evidence}`.trim(), en: `Stage P4 completed ${on.en}${evidence}`.trim() };
  }
  return null;
}

export async function checkBankability(ctx: Pick<CallContext, 'db' | 'app'>, businessId: string, field = 'businessId') {
  const business = await ctx.db
    .selectFrom('businesses as b')
    .innerJoin('members as m', 'm.id', 'b.member_id')
    .select(['b.id', 'b.member_id', 'b.name', 'b.nib', 'b.npwp', 'b.start_date', 'm.full_name as memberName', 'm.member_no as memberNo'])
    .where('b.id', '=', businessId)
    .executeTakeFirst();
  if (!business) throw badInput(field, { id: 'Usaha: tidak ditemukan', en: 'Business: not found' });
  const settings = await loadSettings(ctx.db);
  const today = todayOf(ctx);
  const since = addMonths(monthOf(today), -settings.bankability.reportMonths);
  const reported = await ctx.db.selectFrom('turnover_reports').select('month').where('business_id', '=', businessId).where('month', '>=', since).execute();
  const result: BankabilityResult = evaluateBankability(
    {
      permitEvidence: await permitEvidence(ctx, business),
      npwp: maskNpwp(business.npwp),
      startDate: business.start_date,
      reportedMonths: reported.map((r) => r.month),
      today,
    },
    settings.bankability,
  );
  return {
    business: { id: business.id, name: business.name, memberId: business.member_id, memberName: business.memberName, memberNo: business.memberNo },
    ...result,
    suggestedChannels: (result.bankable ? ['bank_dki'] : ['fintech', 'pegadaian', 'koperasi']) as FinancingChannel[],
  };
}

const referralColumns = [
  'f.id',
  'f.member_id as memberId',
  'f.business_id as businessId',
  'm.full_name as memberName',
  'm.member_no as memberNo',
  'b.name as businessName',
  'f.channel',
  'f.institution',
  'f.product',
  'f.amount_requested as amountRequested',
  'f.amount_approved as amountApproved',
  'f.amount_disbursed as amountDisbursed',
  'f.status',
  'f.submitted_on as submittedOn',
  'f.decided_on as decidedOn',
  'f.disbursed_on as disbursedOn',
  'f.bankable',
  'f.override_reason as overrideReason',
  'f.note',
] as const;

async function loadReferral(ctx: Pick<CallContext, 'db'>, referralId: string) {
  const r = await ctx.db
    .selectFrom('financing_referrals as f')
    .innerJoin('members as m', 'm.id', 'f.member_id')
    .innerJoin('businesses as b', 'b.id', 'f.business_id')
    .select(referralColumns)
    .select('f.checks')
    .where('f.id', '=', referralId)
    .executeTakeFirst();
  if (!r) throw notFound({ id: 'Rujukan permodalan', en: 'Financing referral' });
  return { ...r, checks: JSON.parse(r.checks) as BankabilityCheckText[] };
}

const financingStatusLabels: Record<FinancingStatus, Phrase> = {
  diajukan: { id: 'Diajukan', en: 'Submitted' },
  disetujui: { id: 'Disetujui', en: 'Approved' },
  ditolak: { id: 'Ditolak', en: 'Rejected' },
  dicairkan: { id: 'Dicairkan', en: 'Disbursed' },
};

/** A referral's life: the institution decides, then disburses what it approved. */
const financingWorkflow = defineWorkflow<FinancingStatus, never, Transition<FinancingStatus, never>, object>({
  noun: { id: 'rujukan pembiayaan', en: 'financing referral' },
  statuses: ['diajukan', 'disetujui', 'ditolak', 'dicairkan'],
  labels: financingStatusLabels,
  transitions: [
    { from: 'diajukan', to: 'disetujui', roles: PROGRAMME_ROLES, requires: [] },
    { from: 'diajukan', to: 'ditolak', roles: PROGRAMME_ROLES, requires: [] },
    { from: 'disetujui', to: 'dicairkan', roles: PROGRAMME_ROLES, requires: [] },
    { from: 'disetujui', to: 'ditolak', roles: PROGRAMME_ROLES, requires: [] },
  ],
  missing: () => null,
});

export const financingMethods = {
  'financing.check': defineMethod({
    summary: 'Pemeriksaan kelayakan bank (bankability) sebuah usaha, aturan demi aturan.',
    access: PROGRAMME_ROLES,
    mutation: false,
    input: z.strictObject({ businessId: id({ id: 'Usaha', en: 'Business' }) }),
    handler: async (ctx, input) => {
      const check = await checkBankability(ctx, input.businessId);
      return { ...check, checks: checksIn(check.checks, ctx.locale) };
    },
  }),

  'financing.refer': defineMethod({
    summary: 'Merujuk usaha ke Bank DKI (bila layak bank) atau ke fintech, Pegadaian atau koperasi.',
    access: PROGRAMME_ROLES,
    mutation: true,
    input: z.strictObject({
      businessId: id({ id: 'Usaha', en: 'Business' }),
      channel: label(z.enum(['bank_dki', 'fintech', 'pegadaian', 'koperasi']), { id: 'Lembaga tujuan', en: 'Institution' }),
      institution: optionalText({ id: 'Nama lembaga', en: 'Institution name' }, 120),
      product: optionalText({ id: 'Produk pembiayaan', en: 'Financing product' }, 120),
      amountRequested: amount({ id: 'Jumlah diajukan', en: 'Amount requested' }),
      submittedOn: isoDate({ id: 'Tanggal pengajuan', en: 'Date submitted' }).optional(),
      note: optionalText({ id: 'Catatan', en: 'Note' }, 1000),
      overrideReason: optionalText({ id: 'Alasan pengecualian', en: 'Reason for the exception' }, 500),
    }),
    handler: async (ctx, input) => {
      const check = await checkBankability(ctx, input.businessId);
      const today = todayOf(ctx);
      const submittedOn = input.submittedOn ?? today;
      if (submittedOn > today)
        throw badInput('submittedOn', { id: 'Tanggal pengajuan: tidak boleh di masa depan', en: 'Date submitted: may not be in the future' });
      const open = await ctx.db
        .selectFrom('financing_referrals')
        .select('id')
        .where('business_id', '=', input.businessId)
        .where('status', 'in', ['diajukan', 'disetujui'])
        .where('channel', '=', input.channel)
        .executeTakeFirst();
      if (open)
        throw conflict({
          id: `${check.business.name} sudah punya rujukan ke ${CHANNEL_LABELS[input.channel].id} yang masih berjalan.`,
          en: `${check.business.name} already has a running referral to ${CHANNEL_LABELS[input.channel].en}.`,
        });
      let overrideBy: string | null = null;
      let overrideReason: string | null = null;
      if (input.channel === 'bank_dki' && !check.bankable) {
        const failedIn = (l: 'id' | 'en') =>
          check.checks
            .filter((c) => !c.met)
            .map((c) => `${c.label[l]} (${c.detail[l]})`)
            .join('; ');
        const failed = { id: failedIn('id'), en: failedIn('en') };
        if (!input.overrideReason) {
          throw conflict(
            {
              id: `Belum layak bank, rujukan ke Bank DKI ditolak. Syarat belum terpenuhi: ${failed.id}. Rujuk ke fintech, Pegadaian atau koperasi, atau minta supervisor memberi pengecualian dengan alasan.`,
              en: `Not bankable yet: the referral to Bank DKI is refused. Conditions not met: ${failed.en}. Refer to a fintech, Pegadaian or a cooperative, or ask a supervisor to grant an exception with a reason.`,
            },
            {
              channel: { id: 'Lembaga tujuan: usaha belum layak bank', en: 'Institution: the business is not bankable yet' },
            },
          );
        }
        if (signedInUser(ctx).role !== 'supervisor')
          throw forbidden({
            id: 'Pengecualian syarat kelayakan bank hanya dapat diberikan oleh supervisor.',
            en: 'Only a supervisor can grant an exception to the bankability conditions.',
          });
        overrideBy = signedInUser(ctx).id;
        overrideReason = input.overrideReason;
      } else if (input.overrideReason) {
        throw badInput('overrideReason', {
          id: 'Alasan pengecualian: hanya untuk rujukan ke Bank DKI yang syaratnya belum terpenuhi',
          en: 'Reason for the exception: only for a referral to Bank DKI whose conditions are not met',
        });
      }
      const now = ctx.app.clock.nowIso();
      const referralId = ctx.app.newId();
      const values = {
        id: referralId,
        member_id: check.business.memberId,
        business_id: input.businessId,
        channel: input.channel,
        institution: input.institution ?? CHANNEL_LABELS[input.channel].id,
        product: input.product ?? null,
        amount_requested: input.amountRequested,
        status: 'diajukan' as const,
        submitted_on: submittedOn,
        bankable: check.bankable ? (1 as const) : (0 as const),
        // Stored in the office's language, like every record.
        checks: JSON.stringify(checksIn(check.checks, 'id')),
        override_reason: overrideReason,
        override_by: overrideBy,
        note: input.note ?? null,
        created_by: signedInUser(ctx).id,
        created_at: now,
        updated_at: now,
      };
      await ctx.db.insertInto('financing_referrals').values(values).execute();
      const after = await loadReferral(ctx, referralId);
      await ctx.audit({ entity: 'financing_referrals', entityId: referralId, after });
      return after;
    },
  }),

  'financing.transition': defineMethod({
    summary: 'Mencatat keputusan lembaga (disetujui/ditolak) atau pencairan; pencairan mencatat tahap P7.',
    access: PROGRAMME_ROLES,
    mutation: true,
    input: z.strictObject({
      id: id({ id: 'Rujukan', en: 'Referral' }),
      status: label(z.enum(['disetujui', 'ditolak', 'dicairkan']), { id: 'Status', en: 'Status' }),
      on: isoDate({ id: 'Tanggal', en: 'Date' }),
      amount: amount({ id: 'Jumlah', en: 'Amount' }).optional(),
      note: optionalText({ id: 'Catatan', en: 'Note' }, 1000),
    }),
    handler: async (ctx, input) => {
      const before = await loadReferral(ctx, input.id);
      const move = financingWorkflow.check(before.status, input.status, signedInUser(ctx).role, {});
      if (!move.ok) {
        const next = financingWorkflow.transitions.filter((t) => t.from === before.status).map((t) => financingStatusLabels[t.to]);
        const from = financingStatusLabels[before.status];
        throw conflict(move.message, {
          status: {
            id: `Status: dari ${from.id} hanya bisa ke ${next.map((p) => p.id).join(' atau ') || '(tidak ada)'}`,
            en: `Status: from ${from.en} it can only become ${next.map((p) => p.en).join(' or ') || '(nothing)'}`,
          },
        });
      }
      if (input.on > todayOf(ctx)) throw badInput('on', { id: 'Tanggal: tidak boleh di masa depan', en: 'Date: may not be in the future' });
      const since = input.status === 'dicairkan' ? (before.decidedOn ?? before.submittedOn) : before.submittedOn;
      if (input.on < since)
        throw badInput('on', { id: `Tanggal: tidak boleh sebelum ${dayName(since).id}`, en: `Date: may not be before ${dayName(since).en}` });
      const now = ctx.app.clock.nowIso();
      const set: Record<string, unknown> = { status: input.status, updated_at: now };
      if (input.note) set.note = input.note;
      if (input.status === 'disetujui') {
        if (input.amount === undefined) throw badInput('amount', { id: 'Jumlah: isi jumlah yang disetujui', en: 'Amount: enter the approved amount' });
        if (input.amount > before.amountRequested)
          throw badInput('amount', {
            id: `Jumlah: tidak boleh melebihi yang diajukan (${formatRupiah(before.amountRequested)})`,
            en: `Amount: may not exceed the amount requested (${formatRupiah(before.amountRequested)})`,
          });
        Object.assign(set, { amount_approved: input.amount, decided_on: input.on });
      } else if (input.status === 'ditolak') {
        if (input.amount !== undefined) throw badInput('amount', { id: 'Jumlah: tidak diisi untuk penolakan', en: 'Amount: left empty for a rejection' });
        Object.assign(set, { decided_on: input.on });
      } else {
        const approved = before.amountApproved ?? 0;
        const disbursed = input.amount ?? approved;
        if (disbursed > approved)
          throw badInput('amount', {
            id: `Jumlah: tidak boleh melebihi yang disetujui (${formatRupiah(approved)})`,
            en: `Amount: may not exceed the amount approved (${formatRupiah(approved)})`,
          });
        Object.assign(set, { amount_disbursed: disbursed, disbursed_on: input.on });
      }
      await ctx.db.updateTable('financing_referrals').set(set).where('id', '=', input.id).execute();
      let stageRecorded = false;
      if (input.status === 'dicairkan') {
        const r = await completeStage(ctx.db, {
          memberId: before.memberId,
          stage: 'P7',
          completedOn: input.on,
          evidence: recordText('financing', { institution: before.institution, amount: formatRupiah(Number(set.amount_disbursed)) }),
          source: 'financing',
          sourceId: input.id,
          userId: signedInUser(ctx).id,
          nowIso: now,
        });
        stageRecorded = r.changed;
      }
      const after = await loadReferral(ctx, input.id);
      await ctx.audit({ entity: 'financing_referrals', entityId: input.id, before, after });
      return { ...after, stageRecorded };
    },
  }),

  'financing.list': defineMethod({
    summary: 'Daftar rujukan permodalan dengan filter status dan lembaga.',
    access: PROGRAMME_ROLES,
    mutation: false,
    input: z.strictObject({
      ...pageInput(['submittedOn', 'memberName', 'amountRequested'], 'submittedOn', 'desc'),
      status: label(z.enum(['diajukan', 'disetujui', 'ditolak', 'dicairkan']), { id: 'Status', en: 'Status' }).optional(),
      channel: label(z.enum(['bank_dki', 'fintech', 'pegadaian', 'koperasi']), { id: 'Lembaga', en: 'Institution' }).optional(),
      memberId: id({ id: 'Anggota', en: 'Member' }).optional(),
      search: label(z.string().trim().max(100), { id: 'Cari', en: 'Search' }).optional(),
    }),
    handler: async ({ db }, input) => {
      let base = db
        .selectFrom('financing_referrals as f')
        .innerJoin('members as m', 'm.id', 'f.member_id')
        .innerJoin('businesses as b', 'b.id', 'f.business_id');
      if (input.status) base = base.where('f.status', '=', input.status);
      if (input.channel) base = base.where('f.channel', '=', input.channel);
      if (input.memberId) base = base.where('f.member_id', '=', input.memberId);
      if (input.search) base = base.where(sql<boolean>`lower(m.full_name) like ${`%${likeEscape(input.search.toLowerCase())}%`} escape '\\'`);
      const sort = { submittedOn: 'f.submitted_on', memberName: 'm.name_key', amountRequested: 'f.amount_requested' } as const;
      const rows = base.select(referralColumns).orderBy(sort[input.sort], input.dir).orderBy('f.id');
      return fetchPage(
        rows,
        base.select((eb) => eb.fn.countAll<number>().as('total')),
        input,
      );
    },
  }),
};
