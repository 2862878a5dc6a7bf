import { afterAll, describe, expect, it } from 'vitest';
import { openApp } from '../../../src-main/app';
import { createDemoOffice, demoAccounts, loginAs } from '../../../src-main/demo/demo';
import { programmeBench } from '../../../src-main/features/programme/bench';
import { formatLine } from '../../../src-main/bench/measure';
import type { Role } from '../../../src-main/core/db/schema';
import { tempDir } from '../../support/app';
import { testClock } from '../../support/clock';

const dir = tempDir('jpd-programme-demo-');
const clock = testClock();
afterAll(() => dir.remove());

describe('programme demo data', () => {
  it('has trainings with attendance, assignments and visits, six months of turnover and referrals in every status', { timeout: 240_000 }, async () => {
    const result = await createDemoOffice({ dataDir: dir.dir, members: 80, clock });
    expect(result.report).toMatch(/Program 7P: 3 pelatihan/);
    const app = await openApp({ dataDir: dir.dir, clock, log: () => {} });
    try {
      const db = app.db;
      const trainings = await db.selectFrom('trainings').select(['status']).execute();
      expect(trainings.map((t) => t.status).sort()).toEqual(['selesai', 'selesai', 'terjadwal']);
      const attended = await db.selectFrom('training_enrolments').select((eb) => eb.fn.countAll<number>().as('n')).where('attended', '=', 1).executeTakeFirstOrThrow();
      expect(Number(attended.n)).toBeGreaterThan(10);
      const waiting = await db.selectFrom('training_enrolments').select('id').where('status', '=', 'menunggu').execute();
      expect(waiting.length).toBeGreaterThan(0);
      const visits = await db.selectFrom('mentoring_visits').select('id').execute();
      expect(visits.length).toBeGreaterThan(10);
      const months = await db.selectFrom('turnover_reports').select('month').distinct().orderBy('month').execute();
      expect(months).toHaveLength(6);
      const statuses = await db.selectFrom('financing_referrals').select('status').distinct().execute();
      expect(statuses.map((s) => s.status).sort()).toEqual(['diajukan', 'dicairkan', 'disetujui', 'ditolak']);
      const stages = await db.selectFrom('member_stages').select('stage_code').where('status', '=', 'selesai').where('source', 'in', ['training', 'visit', 'report', 'financing']).distinct().execute();
      expect(stages.map((s) => s.stage_code).sort()).toEqual(['P2', 'P3', 'P6', 'P7']);

      // The benchmark suite runs on this office (its figures belong to npm run bench, not here).
      const tokens = {} as Record<Role, string>;
      for (const a of demoAccounts) tokens[a.role] = await loginAs(app, a.username, a.password);
      const lines = await programmeBench({ app, tokens, log: () => {} }, { query: 3, pdf: 2 });
      console.log(lines.map(formatLine).join('\n'));
      expect(lines.map((l) => l.name.replace(/\(.*\)/, '').trim())).toEqual(['turnover.grid', 'mentoring.myMembers', 'trainings.certificates']);
      expect(lines.every((l) => l.baseline && l.ours.runs > 0)).toBe(true);
    } finally {
      await app.close();
    }
  });
});
