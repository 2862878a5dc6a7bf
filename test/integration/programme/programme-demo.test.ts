import { afterAll, describe, expect, it } from 'vitest';
import { openApp } from '../../../src-main/app';
import { createDemoOffice } from '../../../src-main/demo/demo';
import { tempDir } from '../../support/app';

const dir = tempDir('jpd-programme-demo-');
afterAll(() => dir.remove());

describe('programme demo data', () => {
  it('has trainings with attendance, assignments and visits, six months of turnover and referrals in every status', { timeout: 240_000 }, async () => {
    const result = await createDemoOffice({ dataDir: dir.dir, members: 80 });
    expect(result.report).toMatch(/Program 7P: 3 pelatihan/);
    const app = await openApp({ dataDir: dir.dir, log: () => {} });
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
    } finally {
      await app.close();
    }
  });
});
