import { z } from 'zod';
import { badInput, signedInUser } from '../../core/api/errors';
import { defineMethod, type CallContext } from '../../core/api/registry';
import { fieldMessage, id, label, text } from '../../core/api/validation';
import { classifyScale } from '../../../src-shared/rules/scale';
import type { BusinessesTable } from '../registrations';
import { refreshStage } from '../../core/stages';
import { loadMember, loadSettings, pendampingOf, PROGRAMME_ROLES, todayOf } from './common';
import { addMonths, monthOf, monthRange } from '../../../src-shared/rules/months';
import { monthName } from '../../../src-shared/i18n';
import { evaluateNaikKelas } from './rules/naik-kelas';

const MAX_RUPIAH = 1_000_000_000_000_000;
/** Rows of one grid: as many as one batch save takes. */
const GRID_LIMIT = 2000;
const month = label(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, fieldMessage({ id: 'bulan harus berformat TTTT-BB', en: 'the month must be YYYY-MM' })), {
  id: 'Bulan',
  en: 'Month',
});
const turnover = label(
  z
    .number()
    .int(fieldMessage({ id: 'harus bilangan bulat rupiah', en: 'must be whole rupiah' }))
    .min(0, fieldMessage({ id: 'tidak boleh kurang dari 0 (omzet tidak bisa negatif)', en: 'may not be less than 0 (turnover cannot be negative)' }))
    .max(MAX_RUPIAH),
  { id: 'Omzet', en: 'Turnover' },
);
const profit = label(
  z
    .number()
    .int(fieldMessage({ id: 'harus bilangan bulat rupiah', en: 'must be whole rupiah' }))
    .min(-MAX_RUPIAH)
    .max(MAX_RUPIAH),
  { id: 'Laba', en: 'Profit' },
).nullish();
const employees = label(
  z
    .number()
    .int()
    .min(0, fieldMessage({ id: 'tidak boleh kurang dari 0', en: 'may not be less than 0' }))
    .max(100_000),
  { id: 'Tenaga kerja', en: 'Employees' },
).nullish();

const figures = { turnover, profit, employees };

function assertNotFuture(ctx: CallContext, m: string, field: string) {
  const current = monthOf(todayOf(ctx));
  if (m > current)
    throw badInput(field, {
      id: `Bulan: ${monthName(m).id} belum berjalan; laporan hanya untuk bulan ini atau sebelumnya`,
      en: `Month: ${monthName(m).en} has not begun; reports are only for this month or earlier ones`,
    });
}

interface ReportInput {
  businessId: string;
  month: string;
  turnover: number;
  profit?: number | null;
  employees?: number | null;
}

type BusinessFigures = Pick<BusinessesTable, 'id' | 'capital' | 'monthly_turnover' | 'employees' | 'scale'>;

/** The business's current turnover and workforce follow its latest reported month. */
async function followLatestReport(ctx: CallContext, business: BusinessFigures, latest: { turnover: number; employees: number | null }) {
  const scale = classifyScale({ capital: business.capital, monthlyTurnover: latest.turnover });
  const set = {
    monthly_turnover: latest.turnover,
    employees: latest.employees ?? business.employees,
    scale: scale.ok ? scale.value.scale : business.scale,
  };
  if (set.monthly_turnover !== business.monthly_turnover || set.employees !== business.employees || set.scale !== business.scale) {
    await ctx.db
      .updateTable('businesses')
      .set({ ...set, updated_at: ctx.app.clock.nowIso() })
      .where('id', '=', business.id)
      .execute();
    await ctx.audit({
      entity: 'businesses',
      entityId: business.id,
      before: { monthly_turnover: business.monthly_turnover, employees: business.employees, scale: business.scale },
      after: set,
    });
  }
}

/** P6 follows the member's earliest report; a change of the stage is audited with it. */
async function refreshP6(ctx: CallContext, memberId: string) {
  const r = await refreshStage(ctx.db, memberId, 'P6', { userId: ctx.user?.id ?? null, nowIso: ctx.app.clock.nowIso() });
  if (r.changed) await ctx.audit({ entity: 'member_stages', entityId: memberId, before: r.before, after: r.after });
  return r;
}

/** Writes one month's figures (insert or correct); P6 follows the member's first report. */
async function saveReport(ctx: CallContext, input: ReportInput, field: string): Promise<{ created: boolean; stageRecorded: boolean }> {
  const business = await ctx.db
    .selectFrom('businesses')
    .select(['id', 'member_id', 'name', 'capital', 'monthly_turnover', 'employees', 'scale'])
    .where('id', '=', input.businessId)
    .executeTakeFirst();
  if (!business) throw badInput(field, { id: 'Usaha: tidak ditemukan', en: 'Business: not found' });
  const now = ctx.app.clock.nowIso();
  const existing = await ctx.db
    .selectFrom('turnover_reports')
    .selectAll()
    .where('business_id', '=', input.businessId)
    .where('month', '=', input.month)
    .executeTakeFirst();
  const values = {
    turnover: input.turnover,
    profit: input.profit ?? null,
    employees: input.employees ?? null,
    recorded_by: signedInUser(ctx).id,
    updated_at: now,
  };
  let reportId: string;
  if (existing) {
    reportId = existing.id;
    if (existing.turnover === values.turnover && existing.profit === values.profit && existing.employees === values.employees)
      return { created: false, stageRecorded: false };
    await ctx.db.updateTable('turnover_reports').set(values).where('id', '=', existing.id).execute();
  } else {
    reportId = ctx.app.newId();
    await ctx.db
      .insertInto('turnover_reports')
      .values({ id: reportId, business_id: business.id, member_id: business.member_id, month: input.month, created_at: now, ...values })
      .execute();
  }
  await ctx.audit({
    entity: 'turnover_reports',
    entityId: reportId,
    before: existing ?? null,
    after: { businessId: business.id, month: input.month, ...values },
  });

  const latest = await ctx.db
    .selectFrom('turnover_reports')
    .select(['month', 'turnover', 'employees'])
    .where('business_id', '=', business.id)
    .orderBy('month', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  if (latest.month === input.month) await followLatestReport(ctx, business, latest);
  // P6 is reached in the month of the member's first report, whenever that report is entered.
  const stage = await refreshP6(ctx, business.member_id);
  return { created: !existing, stageRecorded: stage.changed };
}

async function seriesOf(ctx: Pick<CallContext, 'db'>, businessIds: string[], from: string, to: string) {
  if (businessIds.length === 0) return [];
  return ctx.db
    .selectFrom('turnover_reports')
    .select(['business_id as businessId', 'month', 'turnover', 'profit', 'employees'])
    .where('business_id', 'in', businessIds)
    .where('month', '>=', from)
    .where('month', '<=', to)
    .orderBy('month')
    .execute();
}

export const turnoverMethods = {
  'turnover.record': defineMethod({
    summary: 'Mencatat omzet, laba dan tenaga kerja satu usaha untuk satu bulan; laporan pertama mencatat tahap P6.',
    access: PROGRAMME_ROLES,
    mutation: true,
    input: z.strictObject({ businessId: id({ id: 'Usaha', en: 'Business' }), month, ...figures }),
    handler: async (ctx, input) => {
      assertNotFuture(ctx, input.month, 'month');
      return saveReport(ctx, input, 'businessId');
    },
  }),

  'turnover.remove': defineMethod({
    summary: 'Menghapus laporan omzet sebulan yang salah catat, dengan alasan (tersimpan di riwayat); tahap P6 mengikuti laporan yang tersisa.',
    access: PROGRAMME_ROLES,
    mutation: true,
    input: z.strictObject({
      businessId: id({ id: 'Usaha', en: 'Business' }),
      month,
      reason: text({ id: 'Alasan penghapusan', en: 'Reason for deleting' }, 300),
    }),
    handler: async (ctx, input) => {
      const before = await ctx.db
        .selectFrom('turnover_reports')
        .selectAll()
        .where('business_id', '=', input.businessId)
        .where('month', '=', input.month)
        .executeTakeFirst();
      if (!before)
        throw badInput('month', {
          id: `Bulan: usaha ini tidak punya laporan omzet ${monthName(input.month).id}`,
          en: `Month: this business has no turnover report for ${monthName(input.month).en}`,
        });
      await ctx.db.deleteFrom('turnover_reports').where('id', '=', before.id).execute();
      await ctx.audit({ entity: 'turnover_reports', entityId: before.id, before, after: { removed: true, reason: input.reason } });
      const business = await ctx.db
        .selectFrom('businesses')
        .select(['id', 'member_id', 'capital', 'monthly_turnover', 'employees', 'scale'])
        .where('id', '=', input.businessId)
        .executeTakeFirstOrThrow();
      const latest = await ctx.db
        .selectFrom('turnover_reports')
        .select(['month', 'turnover', 'employees'])
        .where('business_id', '=', business.id)
        .orderBy('month', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (latest && latest.month < input.month) await followLatestReport(ctx, business, latest);
      const stage = await refreshP6(ctx, business.member_id);
      return { removed: true, stageChanged: stage.changed };
    },
  }),

  'turnover.grid': defineMethod({
    summary: 'Isian omzet sebulan untuk semua usaha anggota dampingan seorang pendamping, dengan angka bulan sebelumnya.',
    access: PROGRAMME_ROLES,
    mutation: false,
    input: z.strictObject({ month, pendampingId: id({ id: 'Pendamping', en: 'Pendamping' }).optional() }),
    handler: async (ctx, input) => {
      assertNotFuture(ctx, input.month, 'month');
      const pendampingId = pendampingOf(ctx, input.pendampingId);
      const businesses = await ctx.db
        .selectFrom('businesses as b')
        .innerJoin('members as m', 'm.id', 'b.member_id')
        .select(['b.id as businessId', 'b.name as businessName', 'm.id as memberId', 'm.full_name as memberName', 'm.member_no as memberNo'])
        .where('m.pendamping_id', '=', pendampingId)
        .where('m.status', '=', 'aktif')
        .where('b.status', '=', 'aktif')
        .orderBy('m.name_key')
        .orderBy('m.id')
        .orderBy('b.name_key')
        .limit(GRID_LIMIT + 1)
        .execute();
      const truncated = businesses.length > GRID_LIMIT;
      if (truncated) businesses.length = GRID_LIMIT;
      const previousMonth = addMonths(input.month, -1);
      const settings = await loadSettings(ctx.db);
      const reports: Awaited<ReturnType<typeof seriesOf>> = [];
      const ids = businesses.map((b) => b.businessId);
      const from = addMonths(input.month, -settings.naikKelas.windowMonths);
      for (let i = 0; i < ids.length; i += 500) reports.push(...(await seriesOf(ctx, ids.slice(i, i + 500), from, input.month)));
      const byBusiness = new Map<string, { month: string; turnover: number }[]>();
      for (const r of reports) byBusiness.set(r.businessId, [...(byBusiness.get(r.businessId) ?? []), { month: r.month, turnover: r.turnover }]);
      const find = (businessId: string, m: string) => {
        const r = reports.find((x) => x.businessId === businessId && x.month === m);
        return r ? { turnover: r.turnover, profit: r.profit, employees: r.employees } : null;
      };
      return {
        month: input.month,
        previousMonth,
        truncated,
        rows: businesses.map((b) => ({
          ...b,
          previous: find(b.businessId, previousMonth),
          current: find(b.businessId, input.month),
          naikKelas: evaluateNaikKelas(byBusiness.get(b.businessId) ?? [], settings.naikKelas).naikKelas,
        })),
      };
    },
  }),

  'turnover.saveGrid': defineMethod({
    summary: 'Menyimpan isian omzet sebulan untuk banyak usaha sekaligus (semua atau tidak sama sekali).',
    access: PROGRAMME_ROLES,
    mutation: true,
    input: z.strictObject({
      month,
      rows: label(
        z
          .array(z.strictObject({ businessId: id({ id: 'Usaha', en: 'Business' }), ...figures }))
          .min(1)
          .max(2000),
        { id: 'Baris', en: 'Row' },
      ),
    }),
    handler: async (ctx, input) => {
      assertNotFuture(ctx, input.month, 'month');
      let created = 0;
      let updated = 0;
      let stagesRecorded = 0;
      for (const [index, row] of input.rows.entries()) {
        const r = await saveReport(ctx, { ...row, month: input.month }, `rows.${index}.businessId`);
        if (r.created) created++;
        else updated++;
        if (r.stageRecorded) stagesRecorded++;
      }
      return { created, updated, stagesRecorded };
    },
  }),

  'turnover.trend': defineMethod({
    summary: 'Omzet 12 bulan terakhir tiap usaha seorang anggota, dengan penilaian naik kelas.',
    access: PROGRAMME_ROLES,
    mutation: false,
    input: z.strictObject({ memberId: id({ id: 'Anggota', en: 'Member' }), until: month.optional() }),
    handler: async (ctx, input) => {
      await loadMember(ctx.db, input.memberId);
      const settings = await loadSettings(ctx.db);
      const until = input.until ?? monthOf(todayOf(ctx));
      const months = monthRange(until, 12);
      const businesses = await ctx.db
        .selectFrom('businesses')
        .select(['id', 'name', 'scale'])
        .where('member_id', '=', input.memberId)
        .orderBy('name_key')
        .execute();
      const reports = await seriesOf(
        ctx,
        businesses.map((b) => b.id),
        addMonths(until, -24),
        until,
      );
      return {
        months,
        businesses: businesses.map((b) => {
          const own = reports.filter((r) => r.businessId === b.id);
          const byMonth = new Map(own.map((r) => [r.month, r.turnover]));
          return {
            businessId: b.id,
            name: b.name,
            scale: b.scale,
            points: months.map((m) => ({ month: m, turnover: byMonth.get(m) ?? null })),
            naikKelas: evaluateNaikKelas(
              own.map((r) => ({ month: r.month, turnover: r.turnover })),
              settings.naikKelas,
            ),
          };
        }),
      };
    },
  }),
};
