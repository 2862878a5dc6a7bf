// The work waiting for each role, for Beranda: the supervisor's approvals, the counter's
// verify / issue / print / hand-over lists and today's AJIB tasks. Each list is a short page
// (oldest first) with its full count, read from the status index, so it stays fast however
// many members and permits the office has.
import { z } from 'zod';
import { defineMethod } from '../../core/api/registry';
import type { Database } from '../../core/api/registry';
import { jakartaDate } from '../../core/clock';
import { slaLeft } from './rules/sla-left';
import type { PermitStatus } from './rules/transitions';
import { AJIB_ROLES } from './ajib';
import { PRINT_ROLES } from './printing';
import { allowedPermitTransitions } from './rules/transitions';
import { parseRequirements, roleOf, slaContext, slaOfPermits, type SlaContext } from './service';
import { requirementsFor, requirementsIn } from './settings';
import type { Locale } from '../../../src-shared/i18n';

export const WORK_LIST_LIMIT = 8;

export type WorkList = 'approve' | 'verify' | 'issue' | 'print' | 'handOver';

/** Which permits each list holds: a status, and for terbit whether the original is confirmed. */
const lists: Record<WorkList, { status: PermitStatus; original?: 'unconfirmed' | 'confirmed' }> = {
  approve: { status: 'diverifikasi' },
  verify: { status: 'diajukan' },
  issue: { status: 'disetujui' },
  print: { status: 'terbit', original: 'unconfirmed' },
  handOver: { status: 'terbit', original: 'confirmed' },
};

function listBase(db: Database, list: WorkList) {
  const def = lists[list];
  let q = db.selectFrom('permits as p').where('p.status', '=', def.status);
  if (def.original === 'unconfirmed') q = q.where('p.original_confirmed_at', 'is', null);
  if (def.original === 'confirmed') q = q.where('p.original_confirmed_at', 'is not', null);
  return q;
}

/** The page of one list, oldest application first (the permits_status index gives that order). */
export function workListQuery(db: Database, list: WorkList, limit = WORK_LIST_LIMIT) {
  return listBase(db, list)
    .innerJoin('members as m', 'm.id', 'p.member_id')
    .innerJoin('businesses as b', 'b.id', 'p.business_id')
    .select([
      'p.id',
      'p.status',
      'p.channel',
      'p.number',
      'p.submitted_at as submittedAt',
      'p.status_at as statusAt',
      'p.category',
      'p.requirements',
      'm.full_name as memberName',
      'm.member_no as memberNo',
      'b.name as businessName',
    ])
    .orderBy('p.submitted_at')
    .orderBy('p.id')
    .limit(limit);
}

export function workCountQuery(db: Database, list: WorkList) {
  return listBase(db, list).select((eb) => eb.fn.countAll<number>().as('n'));
}

export function ajibTodayQuery(db: Database, today: string, limit = WORK_LIST_LIMIT) {
  return db
    .selectFrom('ajib_tasks as t')
    .innerJoin('permits as p', 'p.id', 't.permit_id')
    .innerJoin('businesses as b', 'b.id', 'p.business_id')
    .select(['t.id', 't.permit_id as permitId', 't.kind', 't.officer_name as officerName', 't.address', 'p.number', 'b.name as businessName'])
    .where('t.planned_date', '=', today)
    .where('t.status', '=', 'rencana')
    .orderBy('t.officer_name')
    .orderBy('t.kind', 'desc')
    .limit(limit);
}

export function ajibTodayCountQuery(db: Database, today: string) {
  return db
    .selectFrom('ajib_tasks as t')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('t.planned_date', '=', today)
    .where('t.status', '=', 'rencana');
}

async function loadList(db: Database, list: WorkList, sc: SlaContext, locale: Locale) {
  const [rows, count] = await Promise.all([workListQuery(db, list).execute(), workCountQuery(db, list).executeTakeFirstOrThrow()]);
  const slas = await slaOfPermits(
    db,
    rows.map((r) => r.id),
    sc,
  );
  const today = jakartaDate(sc.now);
  return {
    count: count.n,
    rows: rows.map(({ requirements, category, ...r }) => {
      const sla = slas.get(r.id);
      // Issued permits have met or missed their deadline already: no time left to show.
      const open = r.status !== 'terbit';
      const ticked = new Set(parseRequirements(requirements));
      const missing = requirementsIn(
        requirementsFor(sc.settings, category).filter((q) => !ticked.has(q.code)),
        locale,
      ).map((q) => q.label);
      return {
        ...r,
        missingRequirements: missing,
        sla: sla && open ? { state: sla.state, dueAt: sla.dueAt, dueDate: sla.dueDate, left: slaLeft(sla, today, sc.holidays) } : null,
      };
    }),
  };
}

export const workMethods = {
  'permits.work': defineMethod({
    summary: 'Pekerjaan yang menunggu per peran untuk Beranda: persetujuan supervisor, verifikasi, terbit, cetak, serah, AJIB hari ini.',
    access: 'authenticated',
    mutation: false,
    input: z.strictObject({}),
    handler: async (ctx) => {
      const sc = await slaContext(ctx);
      const today = jakartaDate(sc.now);
      const [approve, verify, issue, print, handOver] = await Promise.all(
        (['approve', 'verify', 'issue', 'print', 'handOver'] as const).map((l) => loadList(ctx.db, l, sc, ctx.locale)),
      );
      const [ajibRows, ajibCount, waitingOnApplicant] = await Promise.all([
        ajibTodayQuery(ctx.db, today).execute(),
        ajibTodayCountQuery(ctx.db, today).executeTakeFirstOrThrow(),
        ctx.db
          .selectFrom('permits')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', '=', 'perlu_perbaikan')
          .executeTakeFirstOrThrow(),
      ]);
      // Which lists are the caller's own work, by the same tables that allow the moves.
      const role = roleOf(ctx);
      const may = (from: PermitStatus, to: PermitStatus) => allowedPermitTransitions(from, role).some((t) => t.to === to);
      const printer = (PRINT_ROLES as readonly string[]).includes(role);
      const mine = {
        approve: may('diverifikasi', 'disetujui'),
        verify: may('diajukan', 'diverifikasi'),
        issue: may('disetujui', 'terbit'),
        print: printer,
        handOver: may('terbit', 'diserahkan'),
        ajib: (AJIB_ROLES as readonly string[]).includes(role),
      };
      return {
        today,
        mine,
        approve,
        verify,
        issue,
        print,
        handOver,
        ajibToday: { count: ajibCount.n, rows: ajibRows },
        waitingOnApplicant: waitingOnApplicant.n,
      };
    },
  }),
};
