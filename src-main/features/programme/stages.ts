import type { Database } from '../../core/api/registry';

export type StageCode = 'P1' | 'P2' | 'P3' | 'P4' | 'P5' | 'P6' | 'P7';

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

/**
 * Marks a member's stage as done. The first completion stands: a later event (a second
 * training, another permit) does not move the date the member first reached the stage.
 * Every feature records its stage through this one function, inside its own transaction.
 */
export async function completeStage(db: Database, r: StageRecord): Promise<{ changed: boolean }> {
  const existing = await db
    .selectFrom('member_stages')
    .select(['status'])
    .where('member_id', '=', r.memberId)
    .where('stage_code', '=', r.stage)
    .executeTakeFirst();
  if (existing?.status === 'selesai') return { changed: false };
  const values = {
    status: 'selesai' as const,
    completed_on: r.completedOn,
    evidence: r.evidence ?? null,
    source: r.source,
    source_id: r.sourceId ?? null,
    recorded_by: r.userId,
    recorded_at: r.nowIso,
  };
  if (existing) {
    await db.updateTable('member_stages').set(values).where('member_id', '=', r.memberId).where('stage_code', '=', r.stage).execute();
  } else {
    await db.insertInto('member_stages').values({ member_id: r.memberId, stage_code: r.stage, ...values }).execute();
  }
  return { changed: true };
}
