// The permit page: applicant and business (identifiers masked for every role, revealed on
// request and audited), requirements, history, SLA, print log, whose move it is now, and the
// moves the caller's role may make.
import type { Phrase } from '../../../src-shared/i18n';
import { recordTextIn } from '../../core/record-texts';
import { z } from 'zod';
import { AppError, notFound } from '../../core/api/errors';
import { defineMethod } from '../../core/api/registry';
import { id } from '../../core/api/validation';
import { maskNik, maskNpwp } from '../../core/masking';
import { postalCodeOfKelurahan } from '../office';
import { canSeeNik, nikRoles } from '../registrations';
import { AJIB_ROLES } from './ajib';
import { INTAKE_ROLES } from './intake';
import { printStateOf } from './print-log';
import { PRINT_ROLES } from './printing';
import { locationZoneLabels } from './rules/location';
import { kecamatanOfKelurahan } from './rules/territory';
import { allowedPermitTransitions, permitStatusLabels } from './rules/transitions';
import { computeSla, loadPermit, parseRequirements, roleOf, slaContext, turnOfPermit } from './service';
import { requirementsFor, requirementsIn } from './settings';

const includes = (list: readonly string[], role: string) => list.includes(role);

export const detailMethods = {
  'permits.get': defineMethod({
    summary: 'Satu izin: pemohon, usaha, persyaratan, riwayat status dan cetak, tenggat, giliran siapa, tindakan yang boleh.',
    access: 'authenticated',
    mutation: false,
    input: z.strictObject({ id: id({ id: 'Izin', en: 'Permit' }) }),
    handler: async (ctx, input) => {
      const p = await loadPermit(ctx.db, input.id);
      const role = roleOf(ctx);
      const member = await ctx.db
        .selectFrom('members as m')
        .innerJoin('regions as k', 'k.kode', 'm.kelurahan_kode')
        .select(['m.id', 'm.member_no as memberNo', 'm.full_name as fullName', 'm.nik', 'm.phone', 'm.address_street as addressStreet', 'k.nama as kelurahan'])
        .where('m.id', '=', p.member_id)
        .executeTakeFirstOrThrow();
      const business = await ctx.db
        .selectFrom('businesses as b')
        .innerJoin('regions as k', 'k.kode', 'b.kelurahan_kode')
        .innerJoin('regions as kec', 'kec.kode', 'k.parent_kode')
        .leftJoin('kbli', (j) => j.onRef('kbli.kode', '=', 'b.kbli_kode').onRef('kbli.versi', '=', 'b.kbli_versi'))
        .select([
          'b.id',
          'b.name',
          'b.legal_form as legalForm',
          'b.kbli_kode as kbliKode',
          'kbli.judul as kbliJudul',
          'b.address_street as addressStreet',
          'b.kelurahan_kode as kelurahanKode',
          'k.nama as kelurahan',
          'kec.nama as kecamatan',
          'b.postal_code as postalCode',
          'b.capital',
          'b.scale',
          'b.nib',
          'b.npwp',
        ])
        .where('b.id', '=', p.business_id)
        .executeTakeFirstOrThrow();
      const office = await ctx.db.selectFrom('office').select('kecamatan_kode').executeTakeFirstOrThrow();
      const events = await ctx.db
        .selectFrom('permit_events')
        .select([
          'id',
          'from_status as from',
          'to_status as to',
          'by_name as byName',
          'by_role as byRole',
          'at',
          'note',
          'receiver_name as receiverName',
          'delivery_channel as deliveryChannel',
        ])
        .where('permit_id', '=', p.id)
        .orderBy('at')
        .orderBy('id')
        .execute();
      const prints = await ctx.db
        .selectFrom('permit_prints')
        .select(['id', 'kind', 'event', 'note', 'by_name as byName', 'at'])
        .where('permit_id', '=', p.id)
        .orderBy('at')
        .orderBy('id')
        .execute();
      const sc = await slaContext(ctx);
      const sla = computeSla(
        events.map((e) => ({ from_status: e.from, to_status: e.to, at: e.at })),
        sc,
      );
      const ticked = new Set(parseRequirements(p.requirements));
      const requirements = requirementsIn(requirementsFor(sc.settings, p.category), ctx.locale).map((r) => ({ ...r, ticked: ticked.has(r.code) }));
      const ajibTasks = await ctx.db.selectFrom('ajib_tasks').selectAll().where('permit_id', '=', p.id).orderBy('planned_date').execute();
      const print = await printStateOf(ctx.db, p);
      const canPrint = includes(PRINT_ROLES, role) && (p.status === 'terbit' || p.status === 'diserahkan');
      const moves = allowedPermitTransitions(p.status, role);
      const turn = await turnOfPermit(ctx.db, p);
      // Whether the next step is the caller's to take, by the same tables that allow it.
      const mine: Record<typeof turn.action, boolean> = {
        verify: moves.some((m) => m.to === 'diverifikasi'),
        complete_file: false,
        approve: moves.some((m) => m.to === 'disetujui'),
        issue: moves.some((m) => m.to === 'terbit'),
        print: canPrint,
        report_print: includes(PRINT_ROLES, role),
        hand_over: moves.some((m) => m.to === 'diserahkan'),
        deliver: includes(AJIB_ROLES, role),
        done: false,
      };
      return {
        permit: {
          id: p.id,
          status: p.status,
          statusLabel: permitStatusLabels[p.status][ctx.locale],
          channel: p.channel,
          category: p.category,
          categoryRef: p.category_ref,
          locationType: p.location_type,
          floorAreaM2: p.floor_area_m2,
          plotAreaM2: p.plot_area_m2,
          atDesignatedLocation: p.designated_location === null ? null : p.designated_location === 1,
          zone: p.zone,
          zoneLabel: p.zone ? ((locationZoneLabels as Partial<Record<string, Phrase>>)[p.zone]?.[ctx.locale] ?? p.zone) : null,
          facility: p.facility,
          number: p.number,
          issuedOn: p.issued_on,
          validUntil: p.valid_until,
          nib: p.nib,
          decisionReason: p.decision_reason,
          revokedReason: p.revoked_reason,
          revokedOn: p.revoked_on,
          revokedKind: p.revoked_kind,
          copiesPrinted: p.copies_printed,
          postalCode: p.postal_code,
          verificationCode: p.verification_code,
          note: p.note,
          submittedAt: p.submitted_at,
        },
        // One masking rule for every role, the members list's; the full NIK only through permits.revealNik.
        member: { ...member, nik: maskNik(member.nik) },
        canRevealNik: canSeeNik(ctx.user?.role),
        business: {
          ...business,
          npwp: maskNpwp(business.npwp),
          inArea: kecamatanOfKelurahan(business.kelurahanKode) === office.kecamatan_kode,
          postalCode: p.postal_code ?? business.postalCode ?? (await postalCodeOfKelurahan(ctx.db, business.kelurahanKode)),
        },
        requirements,
        missingRequirements: requirements.filter((r) => !r.ticked).map((r) => r.label),
        events: events.map((e) => ({ ...e, note: recordTextIn(e.note, ctx.locale) })),
        prints,
        print: { originalConfirmed: print.originalConfirmed, awaitingReport: print.awaitingReport, nextKind: print.nextKind, unreported: print.unreported },
        turn: { ...turn, mine: mine[turn.action] },
        sla,
        ajibTasks,
        allowedMoves: moves.map((t) => ({
          to: t.to,
          label: permitStatusLabels[t.to][ctx.locale],
          requires: t.requires,
          requiresForAjib: t.requiresForAjib ?? [],
        })),
        canPrint: canPrint && !print.awaitingReport,
        canReportPrint: includes(PRINT_ROLES, role) && print.unreported !== null,
        canEditRequirements: includes(INTAKE_ROLES, role) && ['diajukan', 'diverifikasi', 'perlu_perbaikan'].includes(p.status),
      };
    },
  }),

  'permits.revealNik': defineMethod({
    summary: 'Menampilkan NIK (dan NPWP bila berupa NIK) lengkap pemegang izin (tercatat di jejak audit).',
    access: nikRoles,
    mutation: true,
    input: z.strictObject({ id: id({ id: 'Izin', en: 'Permit' }) }),
    handler: async (ctx, input) => {
      const row = await ctx.db
        .selectFrom('permits as p')
        .innerJoin('members as m', 'm.id', 'p.member_id')
        .innerJoin('businesses as b', 'b.id', 'p.business_id')
        .select(['m.nik', 'b.npwp', 'm.member_no as memberNo', 'p.number'])
        .where('p.id', '=', input.id)
        .executeTakeFirst();
      if (!row) throw notFound({ id: 'Izin', en: 'Permit' });
      if (!canSeeNik(ctx.user?.role))
        throw new AppError('forbidden', { id: 'Peran Anda tidak berhak melihat NIK lengkap.', en: 'Your role may not see the full NIK.' });
      await ctx.audit({ entity: 'permit', entityId: input.id, after: { revealed: 'nik', memberNo: row.memberNo, permit: row.number } });
      return { nik: row.nik, npwp: row.npwp };
    },
  }),
};
