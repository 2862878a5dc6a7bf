import type { Database } from './api/registry';
import { recordText } from './record-texts';
import type { Locale, Phrase } from '../../src-shared/i18n';

export type StageCode = 'P1' | 'P2' | 'P3' | 'P4' | 'P5' | 'P6' | 'P7';

/** The 7P stages in words, as seeded in programme_stages (its labels are the Indonesian ones). */
export const STAGE_NAMES: Record<StageCode, Phrase> = {
  P1: { id: 'Pendaftaran', en: 'Registration' },
  P2: { id: 'Pelatihan', en: 'Training' },
  P3: { id: 'Pendampingan', en: 'Mentoring' },
  P4: { id: 'Perizinan', en: 'Permits' },
  P5: { id: 'Pemasaran', en: 'Marketing' },
  P6: { id: 'Pelaporan Keuangan', en: 'Financial reporting' },
  P7: { id: 'Permodalan', en: 'Financing' },
};

/** A stage's name in a language: the stored label when an office changed it, else the stage's own words. */
export function stageName(code: string, stored: string, locale: Locale): string {
  // The code comes from a stored row: an unknown one keeps its stored label.
  const words = Object.hasOwn(STAGE_NAMES, code) ? STAGE_NAMES[code as StageCode] : undefined;
  return words?.id === stored ? words[locale] : stored;
}

export interface StageRecord {
  memberId: string;
  stage: StageCode;
  /** 'YYYY-MM-DD' of the event that completed the stage. */
  completedOn: string;
  evidence?: string | null;
  /** What completed it: 'manual', 'registration', 'training', 'visit', 'permit', 'order', 'report', 'financing'. */
  source: string;
  sourceId?: string | null;
  userId: string | null;
  nowIso: string;
}

interface StageRow {
  completed_on: string | null;
  status: string;
  manual_on: string | null;
  manual_evidence: string | null;
  manual_by: string | null;
}

async function currentStage(db: Database, memberId: string, stage: StageCode): Promise<StageRow | undefined> {
  return db
    .selectFrom('member_stages')
    .select(['status', 'completed_on', 'manual_on', 'manual_evidence', 'manual_by'])
    .where('member_id', '=', memberId)
    .where('stage_code', '=', stage)
    .executeTakeFirst();
}

async function writeStage(db: Database, r: StageRecord, existing: StageRow | undefined): Promise<void> {
  const manual = r.source === 'manual' ? { manual_on: r.completedOn, manual_evidence: r.evidence ?? null, manual_by: r.userId } : {};
  const values = {
    status: 'selesai' as const,
    completed_on: r.completedOn,
    evidence: r.evidence ?? null,
    source: r.source,
    source_id: r.sourceId ?? null,
    recorded_by: r.userId,
    recorded_at: r.nowIso,
    ...manual,
  };
  if (existing) {
    await db.updateTable('member_stages').set(values).where('member_id', '=', r.memberId).where('stage_code', '=', r.stage).execute();
  } else {
    await db
      .insertInto('member_stages')
      .values({ member_id: r.memberId, stage_code: r.stage, manual_on: null, manual_evidence: null, manual_by: null, ...values })
      .execute();
  }
}

/**
 * Records that an event completed a member's stage. The earliest event dates the stage: a later
 * one (a second training, another permit) leaves it as it is, an earlier one entered afterwards
 * (a backdated delivery) moves it back. Every feature records its stage through this function,
 * inside its own transaction.
 */
export async function completeStage(db: Database, r: StageRecord): Promise<{ changed: boolean }> {
  const existing = await currentStage(db, r.memberId, r.stage);
  if (existing?.status === 'selesai' && existing.completed_on !== null && existing.completed_on <= r.completedOn) {
    // The officer's own record is kept even when an earlier record already dates the stage.
    if (r.source === 'manual' && existing.manual_on === null) {
      await db
        .updateTable('member_stages')
        .set({ manual_on: r.completedOn, manual_evidence: r.evidence ?? null, manual_by: r.userId })
        .where('member_id', '=', r.memberId)
        .where('stage_code', '=', r.stage)
        .execute();
    }
    return { changed: false };
  }
  await writeStage(db, r, existing);
  return { changed: true };
}

/** The earliest record that completes a stage, for the stages whose records can change. */
interface Evidence {
  on: string;
  evidence: string;
  source: string;
  sourceId: string | null;
}

async function earliestVisit(db: Database, memberId: string): Promise<Evidence | null> {
  const v = await db
    .selectFrom('mentoring_visits')
    .select(['id', 'visited_on', 'topic'])
    .where('member_id', '=', memberId)
    .orderBy('visited_on')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return v ? { on: v.visited_on, evidence: recordText('visit', { topic: v.topic }), source: 'visit', sourceId: v.id } : null;
}

async function earliestTurnoverReport(db: Database, memberId: string): Promise<Evidence | null> {
  const r = await db
    .selectFrom('turnover_reports as r')
    .innerJoin('businesses as b', 'b.id', 'r.business_id')
    .select(['r.id', 'r.month', 'b.name'])
    .where('r.member_id', '=', memberId)
    .orderBy('r.month')
    .orderBy('r.id')
    .limit(1)
    .executeTakeFirst();
  // A report covers a month: the stage is reached in that month, on its first day.
  return r ? { on: `${r.month}-01`, evidence: recordText('report', { month: r.month, business: r.name }), source: 'report', sourceId: r.id } : null;
}

const EVIDENCE = {
  P3: earliestVisit,
  P6: earliestTurnoverReport,
} satisfies Partial<Record<StageCode, (db: Database, memberId: string) => Promise<Evidence | null>>>;

/**
 * Dates a stage again from its records, after one was added, moved to another date or removed:
 * the earliest record wins, or the officer's own record when that is earlier; with neither
 * left, the stage is no longer reached. Returns what changed, for the audit entry.
 */
export async function refreshStage(
  db: Database,
  memberId: string,
  stage: 'P3' | 'P6',
  actor: { userId: string | null; nowIso: string },
): Promise<{ changed: boolean; before: unknown; after: unknown }> {
  const before = await db.selectFrom('member_stages').selectAll().where('member_id', '=', memberId).where('stage_code', '=', stage).executeTakeFirst();
  const record = await EVIDENCE[stage](db, memberId);
  const manual: Evidence | null = before?.manual_on ? { on: before.manual_on, evidence: before.manual_evidence ?? '', source: 'manual', sourceId: null } : null;
  const best = [record, manual]
    .filter((e): e is Evidence => e !== null)
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
    .at(0);
  if (!best) {
    if (!before) return { changed: false, before: null, after: null };
    await db.deleteFrom('member_stages').where('member_id', '=', memberId).where('stage_code', '=', stage).execute();
    return { changed: true, before, after: null };
  }
  if (
    before?.status === 'selesai' &&
    before.completed_on === best.on &&
    before.source === best.source &&
    before.source_id === best.sourceId &&
    before.evidence === best.evidence
  ) {
    return { changed: false, before, after: before };
  }
  // Who recorded it: the officer for a manual record, else whoever's change moved the stage.
  const by = best.source === 'manual' ? (before?.manual_by ?? actor.userId) : actor.userId;
  await db
    .insertInto('member_stages')
    .values({
      member_id: memberId,
      stage_code: stage,
      status: 'selesai',
      completed_on: best.on,
      evidence: best.evidence,
      source: best.source,
      source_id: best.sourceId,
      recorded_by: by,
      recorded_at: actor.nowIso,
      manual_on: before?.manual_on ?? null,
      manual_evidence: before?.manual_evidence ?? null,
      manual_by: before?.manual_by ?? null,
    })
    .onConflict((oc) =>
      oc.columns(['member_id', 'stage_code']).doUpdateSet({
        status: 'selesai',
        completed_on: best.on,
        evidence: best.evidence,
        source: best.source,
        source_id: best.sourceId,
        recorded_by: by,
        recorded_at: actor.nowIso,
      }),
    )
    .execute();
  const after = await db.selectFrom('member_stages').selectAll().where('member_id', '=', memberId).where('stage_code', '=', stage).executeTakeFirst();
  return { changed: true, before: before ?? null, after };
}
