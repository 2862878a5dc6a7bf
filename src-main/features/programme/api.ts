import { maskNpwp } from '../../core/masking';
import { stageName } from '../../core/stages';
import { evidenceIn } from '../../core/record-texts';
import { z } from 'zod';
import { sql } from 'kysely';
import { defineMethod } from '../../core/api/registry';
import { id, label } from '../../core/api/validation';
import { likeEscape } from '../../core/api/paging';
import { setSetting } from '../../core/settings';
import { badInput } from '../../core/api/errors';
import { joinPhrases } from '../../../src-shared/i18n';
import { certificateTemplateErrors } from './rules/certificate-number';
import { loadMember, loadSettings, PROGRAMME_ROLES, SETTINGS_KEY, settingsSchema } from './common';
import { trainingMethods } from './trainings';
import { trainingUndoMethods } from './training-undo';
import { mentoringMethods } from './mentoring';
import { turnoverMethods } from './turnover';
import { financingMethods } from './financing';

const programmeMethods = {
  'programme.settings': defineMethod({
    summary: 'Pengaturan Program 7P: batas hari kunjungan, aturan naik kelas, aturan kelayakan bank.',
    access: PROGRAMME_ROLES,
    mutation: false,
    input: z.strictObject({}),
    handler: ({ db }) => loadSettings(db),
  }),

  'programme.saveSettings': defineMethod({
    summary: 'Mengubah pengaturan Program 7P.',
    access: ['admin', 'supervisor'],
    mutation: true,
    input: settingsSchema,
    handler: async (ctx, input) => {
      const problems = certificateTemplateErrors(input.certificateNumberTemplate);
      if (problems.length) throw badInput('certificateNumberTemplate', joinPhrases(problems, ' '));
      const before = await loadSettings(ctx.db);
      await setSetting(ctx.db, SETTINGS_KEY, input, ctx.app.clock.nowIso());
      await ctx.audit({ entity: 'settings', entityId: SETTINGS_KEY, before, after: input });
      return input;
    },
  }),

  'programme.memberOptions': defineMethod({
    summary: 'Cari anggota aktif menurut nama atau nomor anggota (untuk pilihan di formulir program).',
    access: PROGRAMME_ROLES,
    mutation: false,
    input: z.strictObject({ search: label(z.string().trim().max(100), { id: 'Cari', en: 'Search' }).default('') }),
    handler: async ({ db }, input) => {
      let q = db
        .selectFrom('members as m')
        .leftJoin('regions as r', 'r.kode', 'm.kelurahan_kode')
        .select(['m.id', 'm.member_no as memberNo', 'm.full_name as fullName', 'r.nama as kelurahan'])
        .where('m.status', '=', 'aktif');
      if (input.search) {
        const pattern = `%${likeEscape(input.search.toLowerCase())}%`;
        q = q.where((eb) =>
          eb.or([eb(sql`lower(m.full_name)`, 'like', sql`${pattern} escape '\\'`), eb('m.member_no', 'like', sql<string>`${pattern} escape '\\'`)]),
        );
      }
      return q.orderBy('m.name_key').orderBy('m.id').limit(20).execute();
    },
  }),

  'programme.member': defineMethod({
    summary: 'Ringkasan Program 7P seorang anggota: tahap, pendamping, usaha, pelatihan dan rujukan.',
    access: PROGRAMME_ROLES,
    mutation: false,
    input: z.strictObject({ memberId: id({ id: 'Anggota', en: 'Member' }) }),
    handler: async ({ db, locale }, input) => {
      const member = await loadMember(db, input.memberId);
      const [stages, pendamping, businesses, trainings] = await Promise.all([
        db
          .selectFrom('programme_stages as s')
          .leftJoin('member_stages as ms', (j) => j.onRef('ms.stage_code', '=', 's.code').on('ms.member_id', '=', input.memberId))
          .select(['s.code', 's.label', 'ms.status', 'ms.completed_on as completedOn', 'ms.evidence', 'ms.source'])
          .orderBy('s.sort_order')
          .execute(),
        member.pendampingId
          ? db.selectFrom('users').select(['id', 'full_name as fullName']).where('id', '=', member.pendampingId).executeTakeFirst()
          : undefined,
        db
          .selectFrom('businesses')
          .select(['id', 'name', 'scale', 'monthly_turnover as monthlyTurnover', 'npwp', 'nib', 'start_date as startDate'])
          .where('member_id', '=', input.memberId)
          .orderBy('name_key')
          .execute(),
        db
          .selectFrom('training_enrolments as e')
          .innerJoin('trainings as t', 't.id', 'e.training_id')
          .select(['t.id', 't.topic', 't.starts_at as startsAt', 't.status as trainingStatus', 'e.status', 'e.attended', 'e.completed'])
          .where('e.member_id', '=', input.memberId)
          .orderBy('t.starts_at', 'desc')
          .execute(),
      ]);
      // An NPWP that is the owner's NIK is masked like the NIK (core/masking).
      return {
        ...member,
        pendamping: pendamping ?? null,
        stages: stages.map((s) => ({ ...s, label: stageName(s.code, s.label, locale), evidence: evidenceIn(s.evidence, s.source, locale) })),
        businesses: businesses.map((b) => ({ ...b, npwp: maskNpwp(b.npwp) })),
        trainings,
      };
    },
  }),
};

export const programmeApi = { ...programmeMethods, ...trainingMethods, ...trainingUndoMethods, ...mentoringMethods, ...turnoverMethods, ...financingMethods };
