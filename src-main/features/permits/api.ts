import { maskNik, maskNpwp } from '../../core/masking';
import { sql } from 'kysely';
import { z } from 'zod';
import { AppError, badInput, conflict, notFound } from '../../core/api/errors';
import { fetchPage, likeEscape, pageInput } from '../../core/api/paging';
import { defineMethod, type CallContext } from '../../core/api/registry';
import { id, isoDate, label, optionalText, text } from '../../core/api/validation';
import { jakartaDate } from '../../core/clock';
import { setSetting } from '../../core/settings';
import { loadOffice } from '../office/api';
import { canSeeNik } from '../registrations/api';
import { checkLocation, locationZoneLabels, locationZones, type LocationInput } from './rules/location';
import { allowedPermitTransitions, permitStatuses, permitStatusLabels } from './rules/transitions';
import {
  applyTransition,
  computeSla,
  loadPermit,
  OPEN_STATUSES,
  parseRequirements,
  roleOf,
  slaContext,
  slaOfPermits,
} from './service';
import { DEFAULT_PERMIT_SETTINGS, loadPermitSettings, PERMIT_SETTINGS_KEY, permitSettingsSchema, requirementsFor } from './settings';
import { loadCertificateData, loadCertificateOffice, renderCertificates } from './certificate';
import { checkCertificateText, textsToCheck, type PermitRecord } from './verify';
import { registerWalkIn, walkInSchema } from './walkin';
import { ajibMethods } from './ajib';

const INTAKE_ROLES = ['loket', 'petugas', 'supervisor'] as const;
const PRINT_ROLES = ['loket', 'supervisor'] as const;
const channels = ['loket', 'ajib', 'pendamping', 'online'] as const;
const categories = ['binaan', 'non_binaan'] as const;
const locationTypes = ['menetap', 'rumah', 'berkeliling'] as const;

export const channelLabels: Record<(typeof channels)[number], string> = { loket: 'Loket', ajib: 'AJIB', pendamping: 'Pendamping', online: 'Daring' };

const area = (name: string) => label(z.number().positive().max(100_000), name).nullish();

const locationFields = {
  locationType: label(z.enum(locationTypes), 'Jenis lokasi'),
  floorAreaM2: area('Luas tempat usaha'),
  plotAreaM2: area('Luas lahan'),
  atDesignatedLocation: label(z.boolean(), 'Lokasi berjualan').nullish(),
  zone: label(z.enum(locationZones), 'Zona lokasi').nullish(),
};

const requirementCodes = label(z.array(z.string().trim().min(1).max(40)).max(30), 'Persyaratan');

function toLocationInput(input: { locationType: string; floorAreaM2?: number | null; plotAreaM2?: number | null; atDesignatedLocation?: boolean | null; zone?: string | null }): LocationInput {
  return {
    mode: input.locationType === 'berkeliling' ? 'berkeliling' : 'menetap',
    homeBased: input.locationType === 'rumah',
    floorAreaM2: input.floorAreaM2 ?? null,
    plotAreaM2: input.plotAreaM2 ?? null,
    atDesignatedLocation: input.atDesignatedLocation ?? null,
    zone: (input.zone ?? null) as LocationInput['zone'],
  };
}

function assertLocation(input: Parameters<typeof toLocationInput>[0]) {
  const violations = checkLocation(toLocationInput(input));
  if (violations.length) {
    const fields = Object.fromEntries(violations.map((v) => [v.field, v.message]));
    throw new AppError('bad_input', violations.map((v) => v.message).join(' '), fields);
  }
}

async function assertRequirementCodes(ctx: CallContext, codes: string[]) {
  const settings = await loadPermitSettings(ctx.db);
  const known = new Set(settings.requirements.map((r) => r.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length) throw badInput('requirements', `Persyaratan: kode tidak dikenal: ${unknown.join(', ')}`);
  return [...new Set(codes)];
}

const listSort = ['submittedAt', 'number', 'status', 'memberName', 'businessName', 'issuedOn', 'statusAt'] as const;
const sortColumns = {
  submittedAt: 'p.submitted_at',
  number: 'p.number_seq',
  status: 'p.status',
  memberName: 'm.name_key',
  businessName: 'b.name_key',
  issuedOn: 'p.issued_on',
  statusAt: 'p.status_at',
} as const;

export const slaFilters = ['due_today', 'late', 'paused', 'open'] as const;

export const permitMethods = {
  'permits.create': defineMethod({
    summary: 'Menerima permohonan IUMK (loket, AJIB, pendamping, daring); pemohon baru didaftarkan singkat.',
    access: INTAKE_ROLES,
    mutation: true,
    input: z
      .strictObject({
        memberId: id('Anggota').nullish(),
        businessId: id('Usaha').nullish(),
        walkIn: walkInSchema.nullish(),
        channel: label(z.enum(channels), 'Jalur permohonan'),
        category: label(z.enum(categories), 'Kategori UMK'),
        categoryRef: optionalText('Nomor surat pembina / rekomendasi lurah', 120),
        ...locationFields,
        facility: optionalText('Sarana usaha', 120),
        requirements: requirementCodes.default([]),
        note: optionalText('Catatan', 500),
      })
      .superRefine((v, issue) => {
        if (v.walkIn && (v.memberId || v.businessId)) {
          issue.addIssue({ code: 'custom', path: ['memberId'], message: 'pilih anggota terdaftar atau isi pendaftaran singkat, bukan keduanya' });
        } else if (!v.walkIn && !v.memberId) {
          issue.addIssue({ code: 'custom', path: ['memberId'], message: 'pilih anggota atau isi pendaftaran singkat pemohon baru' });
        } else if (!v.walkIn && !v.businessId) {
          issue.addIssue({ code: 'custom', path: ['businessId'], message: 'pilih usaha anggota' });
        }
      }),
    handler: async (ctx, input) => {
      assertLocation(input);
      const requirements = await assertRequirementCodes(ctx, input.requirements);
      let memberId: string;
      let businessId: string;
      if (input.walkIn) {
        ({ memberId, businessId } = await registerWalkIn(ctx, input.walkIn));
      } else {
        memberId = input.memberId!;
        businessId = input.businessId!;
        const business = await ctx.db.selectFrom('businesses').select(['member_id', 'scale', 'status', 'name']).where('id', '=', businessId).executeTakeFirst();
        if (!business) throw notFound('Usaha');
        if (business.member_id !== memberId) throw badInput('businessId', 'Usaha: bukan milik anggota yang dipilih');
        if (business.status !== 'aktif') throw badInput('businessId', `Usaha: ${business.name} sudah tutup`);
        if (business.scale !== 'mikro' && business.scale !== 'kecil') {
          throw badInput('businessId', `Usaha: IUMK hanya untuk usaha mikro dan kecil; ${business.name} tercatat usaha ${business.scale}`);
        }
        const open = await ctx.db
          .selectFrom('permits')
          .select(['status', 'number'])
          .where('business_id', '=', businessId)
          .where('status', 'in', [...OPEN_STATUSES, 'terbit', 'diserahkan'])
          .executeTakeFirst();
        if (open) {
          throw conflict(
            open.number
              ? `Usaha ini sudah memiliki IUMK aktif nomor ${open.number}.`
              : `Usaha ini sudah memiliki permohonan IUMK yang sedang diproses (${permitStatusLabels[open.status]}).`,
            { businessId: 'Usaha: sudah memiliki IUMK atau permohonan yang sedang diproses' },
          );
        }
      }
      const nib = (await ctx.db.selectFrom('businesses').select('nib').where('id', '=', businessId).executeTakeFirst())?.nib ?? null;
      const now = ctx.app.clock.nowIso();
      const permitId = ctx.app.newId();
      await ctx.db
        .insertInto('permits')
        .values({
          id: permitId,
          member_id: memberId,
          business_id: businessId,
          channel: input.channel,
          category: input.category,
          category_ref: input.categoryRef ?? null,
          location_type: input.locationType,
          floor_area_m2: input.locationType === 'berkeliling' ? null : (input.floorAreaM2 ?? null),
          plot_area_m2: input.locationType === 'rumah' ? (input.plotAreaM2 ?? null) : null,
          designated_location: input.locationType === 'berkeliling' ? (input.atDesignatedLocation ? 1 : 0) : null,
          zone: input.zone ?? null,
          facility: input.facility ?? null,
          requirements: JSON.stringify(requirements),
          status: 'diajukan',
          number: null,
          number_year: null,
          number_seq: null,
          issued_on: null,
          valid_until: null,
          nib,
          decision_reason: null,
          revoked_reason: null,
          revoked_on: null,
          copies_printed: 0,
          note: input.note ?? null,
          submitted_at: now,
          status_at: now,
          created_by: ctx.user?.id ?? null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await ctx.db
        .insertInto('permit_events')
        .values({
          id: ctx.app.newId(),
          permit_id: permitId,
          from_status: null,
          to_status: 'diajukan',
          by_user_id: ctx.user?.id ?? null,
          by_name: ctx.user?.fullName ?? null,
          by_role: ctx.user?.role ?? null,
          at: now,
          note: input.note ?? `Permohonan diterima melalui ${channelLabels[input.channel]}`,
          receiver_name: null,
          delivery_channel: null,
        })
        .execute();
      const after = await loadPermit(ctx.db, permitId);
      await ctx.audit({ entity: 'permit', entityId: permitId, after });
      return { id: permitId, memberId, businessId, status: after.status };
    },
  }),

  'permits.applicantSearch': defineMethod({
    summary: 'Mencari anggota dan usahanya untuk permohonan IUMK (nama, nomor anggota, NIK, nama usaha).',
    access: INTAKE_ROLES,
    mutation: false,
    input: z.strictObject({ query: label(z.string().trim().min(2).max(100), 'Cari') }),
    handler: async (ctx, input) => {
      const q = input.query.toLowerCase();
      const like = `%${likeEscape(q)}%`;
      const digits = /^\d{4,16}$/.test(q);
      const members = await ctx.db
        .selectFrom('members as m')
        .select(['m.id', 'm.member_no as memberNo', 'm.full_name as fullName', 'm.nik', 'm.address_street as address'])
        .where((eb) =>
          digits
            ? eb.or([eb('m.nik', '=', q), eb('m.member_no', '=', q), eb('m.nik_rev', 'like', `${[...q].reverse().join('')}%`)])
            : eb.or([
                eb(sql`lower(m.full_name)`, 'like', sql`${like} escape '\\'`),
                eb('m.member_no', '=', input.query),
                eb(
                  'm.id',
                  'in',
                  eb.selectFrom('businesses as b').select('b.member_id').where(sql`lower(b.name)`, 'like', sql`${like} escape '\\'`),
                ),
              ]),
        )
        .orderBy('m.name_key')
        .limit(20)
        .execute();
      const businesses = members.length
        ? await ctx.db
            .selectFrom('businesses')
            .select(['id', 'member_id as memberId', 'name', 'scale', 'status', 'nib', 'address_street as address'])
            .where('member_id', 'in', members.map((m) => m.id))
            .orderBy('name')
            .execute()
        : [];
      return members.map((m) => ({
        ...m,
        nik: `…${m.nik.slice(-4)}`,
        businesses: businesses.filter((b) => b.memberId === m.id),
      }));
    },
  }),

  'permits.list': defineMethod({
    summary: 'Daftar izin dengan halaman, urutan dan saringan (status, jalur, jatuh tempo hari ini, terlambat).',
    access: 'authenticated',
    mutation: false,
    input: z.strictObject({
      ...pageInput(listSort, 'submittedAt', 'desc'),
      query: label(z.string().trim().max(100), 'Cari').optional(),
      status: label(z.enum(permitStatuses), 'Status').nullish(),
      channel: label(z.enum(channels), 'Jalur').nullish(),
      sla: label(z.enum(slaFilters), 'Tenggat').nullish(),
      memberId: id('Anggota').nullish(),
      issuedOn: isoDate('Tanggal terbit').nullish(),
    }),
    handler: async (ctx, input) => {
      const sc = await slaContext(ctx);
      let q = ctx.db
        .selectFrom('permits as p')
        .innerJoin('members as m', 'm.id', 'p.member_id')
        .innerJoin('businesses as b', 'b.id', 'p.business_id');
      if (input.status) q = q.where('p.status', '=', input.status);
      if (input.channel) q = q.where('p.channel', '=', input.channel);
      if (input.memberId) q = q.where('p.member_id', '=', input.memberId);
      if (input.issuedOn) q = q.where('p.issued_on', '=', input.issuedOn);
      if (input.query) {
        const like = `%${likeEscape(input.query.toLowerCase())}%`;
        q = q.where((eb) =>
          eb.or([
            eb(sql`lower(m.full_name)`, 'like', sql`${like} escape '\\'`),
            eb(sql`lower(b.name)`, 'like', sql`${like} escape '\\'`),
            eb(sql`lower(p.number)`, 'like', sql`${like} escape '\\'`),
            eb('m.nik', '=', input.query!),
          ]),
        );
      }
      if (input.sla) {
        // Only open permits have a running clock; there are few, so their SLA is computed here.
        const open = await q.select('p.id').where('p.status', 'in', [...OPEN_STATUSES]).execute();
        const slas = await slaOfPermits(ctx.db, open.map((o) => o.id), sc);
        const ids = open
          .map((o) => o.id)
          .filter((permitId) => {
            const s = slas.get(permitId);
            if (!s) return false;
            if (input.sla === 'open') return true;
            return s.state === input.sla;
          });
        q = q.where('p.id', 'in', ids.length ? ids : ['']);
      }
      const col = sortColumns[input.sort];
      const rowsQuery = q
        .select([
          'p.id',
          'p.status',
          'p.channel',
          'p.category',
          'p.number',
          'p.issued_on as issuedOn',
          'p.submitted_at as submittedAt',
          'p.status_at as statusAt',
          'p.copies_printed as copiesPrinted',
          'm.id as memberId',
          'm.full_name as memberName',
          'm.member_no as memberNo',
          'b.name as businessName',
        ])
        .orderBy(sql.ref(col), input.dir)
        .orderBy('p.id', input.dir);
      const page = await fetchPage(rowsQuery, q.select((eb) => eb.fn.countAll<number>().as('total')), input);
      const slas = await slaOfPermits(ctx.db, page.rows.map((r) => r.id), sc);
      return {
        ...page,
        rows: page.rows.map((r) => {
          const s = slas.get(r.id);
          return { ...r, sla: s ? { state: s.state, dueDate: s.dueDate, dueAt: s.dueAt, onTime: s.onTime } : null };
        }),
      };
    },
  }),

  'permits.get': defineMethod({
    summary: 'Satu izin: pemohon, usaha, persyaratan, riwayat status, tenggat dan tindakan yang boleh.',
    access: 'authenticated',
    mutation: false,
    input: z.strictObject({ id: id('Izin') }),
    handler: async (ctx, input) => {
      const p = await loadPermit(ctx.db, input.id);
      const member = await ctx.db
        .selectFrom('members as m')
        .innerJoin('regions as k', 'k.kode', 'm.kelurahan_kode')
        .select(['m.id', 'm.member_no as memberNo', 'm.full_name as fullName', 'm.nik', 'm.phone', 'm.address_street as addressStreet', 'k.nama as kelurahan'])
        .where('m.id', '=', p.member_id)
        .executeTakeFirstOrThrow();
      const business = await ctx.db
        .selectFrom('businesses as b')
        .innerJoin('regions as k', 'k.kode', 'b.kelurahan_kode')
        .leftJoin('kbli', (j) => j.onRef('kbli.kode', '=', 'b.kbli_kode').onRef('kbli.versi', '=', 'b.kbli_versi'))
        .select([
          'b.id',
          'b.name',
          'b.legal_form as legalForm',
          'b.kbli_kode as kbliKode',
          'kbli.judul as kbliJudul',
          'b.address_street as addressStreet',
          'k.nama as kelurahan',
          'b.capital',
          'b.scale',
          'b.nib',
          'b.npwp',
        ])
        .where('b.id', '=', p.business_id)
        .executeTakeFirstOrThrow();
      const events = await ctx.db
        .selectFrom('permit_events')
        .select(['id', 'from_status as from', 'to_status as to', 'by_name as byName', 'by_role as byRole', 'at', 'note', 'receiver_name as receiverName', 'delivery_channel as deliveryChannel'])
        .where('permit_id', '=', p.id)
        .orderBy('at')
        .orderBy('id')
        .execute();
      const sc = await slaContext(ctx);
      const sla = computeSla(
        events.map((e) => ({ from_status: e.from, to_status: e.to, at: e.at })),
        sc,
      );
      // One masking rule for every role (core/masking); the full NIK only through the audited reveal.
      member.nik = maskNik(member.nik);
      business.npwp = maskNpwp(business.npwp);
      const ticked = new Set(parseRequirements(p.requirements));
      const requirements = requirementsFor(sc.settings, p.category).map((r) => ({ ...r, ticked: ticked.has(r.code) }));
      const role = roleOf(ctx);
      const ajibTasks = await ctx.db.selectFrom('ajib_tasks').selectAll().where('permit_id', '=', p.id).orderBy('planned_date').execute();
      return {
        permit: {
          id: p.id,
          status: p.status,
          statusLabel: permitStatusLabels[p.status],
          channel: p.channel,
          category: p.category,
          categoryRef: p.category_ref,
          locationType: p.location_type,
          floorAreaM2: p.floor_area_m2,
          plotAreaM2: p.plot_area_m2,
          atDesignatedLocation: p.designated_location === null ? null : p.designated_location === 1,
          zone: p.zone,
          zoneLabel: p.zone ? (locationZoneLabels[p.zone as keyof typeof locationZoneLabels] ?? p.zone) : null,
          facility: p.facility,
          number: p.number,
          issuedOn: p.issued_on,
          validUntil: p.valid_until,
          nib: p.nib,
          decisionReason: p.decision_reason,
          revokedReason: p.revoked_reason,
          revokedOn: p.revoked_on,
          copiesPrinted: p.copies_printed,
          note: p.note,
          submittedAt: p.submitted_at,
        },
        member,
        business,
        requirements,
        missingRequirements: requirements.filter((r) => !r.ticked).map((r) => r.label),
        events,
        sla,
        ajibTasks,
        allowedMoves: allowedPermitTransitions(p.status, role).map((t) => ({
          to: t.to,
          label: permitStatusLabels[t.to],
          requires: t.requires,
          requiresForAjib: t.requiresForAjib ?? [],
        })),
        canPrint: (PRINT_ROLES as readonly string[]).includes(role) && (p.status === 'terbit' || p.status === 'diserahkan'),
        canEditRequirements: (INTAKE_ROLES as readonly string[]).includes(role) && ['diajukan', 'diverifikasi', 'perlu_perbaikan'].includes(p.status),
      };
    },
  }),

  'permits.updateRequirements': defineMethod({
    summary: 'Mencentang persyaratan yang sudah diserahkan pemohon (sebelum disetujui).',
    access: INTAKE_ROLES,
    mutation: true,
    input: z.strictObject({ id: id('Izin'), requirements: requirementCodes }),
    handler: async (ctx, input) => {
      const before = await loadPermit(ctx.db, input.id);
      if (!['diajukan', 'diverifikasi', 'perlu_perbaikan'].includes(before.status)) {
        throw conflict(`Persyaratan tidak dapat diubah: izin sudah berstatus ${permitStatusLabels[before.status]}.`);
      }
      const codes = await assertRequirementCodes(ctx, input.requirements);
      await ctx.db.updateTable('permits').set({ requirements: JSON.stringify(codes), updated_at: ctx.app.clock.nowIso() }).where('id', '=', input.id).execute();
      const after = await loadPermit(ctx.db, input.id);
      await ctx.audit({ entity: 'permit', entityId: input.id, before: { requirements: before.requirements }, after: { requirements: after.requirements } });
      return { requirements: codes };
    },
  }),

  'permits.transition': defineMethod({
    summary: 'Mengubah status izin menurut tabel alur (peran, alasan, penerima); terbit memberi nomor.',
    access: ['loket', 'petugas', 'supervisor', 'admin'],
    mutation: true,
    input: z.strictObject({
      id: id('Izin'),
      to: label(z.enum(permitStatuses), 'Status baru'),
      expectedStatus: label(z.enum(permitStatuses), 'Status saat ini').nullish(),
      reason: optionalText('Alasan', 500),
      receiverName: optionalText('Nama penerima', 120),
      deliveryChannel: label(z.enum(['loket', 'ajib']), 'Cara penyerahan').nullish(),
      validUntil: isoDate('Berlaku sampai').nullish(),
    }),
    handler: async (ctx, input) => {
      const after = await applyTransition(ctx, input.id, input);
      return { id: after.id, status: after.status, number: after.number, issuedOn: after.issued_on };
    },
  }),

  'permits.certificate': defineMethod({
    summary: 'PDF surat IUMK (A4, kode QR bertanda tangan); cetak ulang bertanda SALINAN.',
    access: PRINT_ROLES,
    mutation: true,
    input: z.strictObject({ id: id('Izin') }),
    handler: async (ctx, input) => {
      const p = await loadPermit(ctx.db, input.id);
      if (p.status !== 'terbit' && p.status !== 'diserahkan') {
        throw conflict(`Surat izin hanya dapat dicetak untuk izin yang sudah terbit (status sekarang: ${permitStatusLabels[p.status]}).`);
      }
      const [data] = await loadCertificateData(ctx.db, [p.id]);
      const pdf = await renderCertificates([data], {
        office: await loadCertificateOffice(ctx.db),
        settings: await loadPermitSettings(ctx.db),
      });
      await ctx.db.updateTable('permits').set({ copies_printed: p.copies_printed + 1 }).where('id', '=', p.id).execute();
      await ctx.audit({ entity: 'permit', entityId: p.id, before: { copiesPrinted: p.copies_printed }, after: { copiesPrinted: p.copies_printed + 1, printed: p.number } });
      return {
        fileName: `IUMK-${(p.number ?? p.id).replace(/[^A-Za-z0-9]+/g, '-')}.pdf`,
        mimeType: 'application/pdf' as const,
        base64: pdf.toString('base64'),
        copy: p.copies_printed > 0,
      };
    },
  }),

  'permits.certificateBatch': defineMethod({
    summary: 'Mencetak sekaligus surat IUMK yang terbit pada satu hari atau yang dipilih, dalam satu PDF.',
    access: PRINT_ROLES,
    mutation: true,
    input: z
      .strictObject({
        issuedOn: isoDate('Tanggal terbit').nullish(),
        ids: label(z.array(id('Izin')).min(1).max(1000), 'Izin yang dipilih').nullish(),
      })
      .refine((v) => Boolean(v.issuedOn) !== Boolean(v.ids), { message: 'pilih tanggal terbit atau daftar izin', path: ['issuedOn'] }),
    handler: async (ctx, input) => {
      let q = ctx.db.selectFrom('permits').select(['id', 'copies_printed']).where('status', 'in', ['terbit', 'diserahkan']);
      q = input.issuedOn ? q.where('issued_on', '=', input.issuedOn) : q.where('id', 'in', input.ids!);
      const rows = await q.orderBy('number_year').orderBy('number_seq').execute();
      if (rows.length === 0) throw badInput(input.issuedOn ? 'issuedOn' : 'ids', 'Tidak ada izin terbit untuk dicetak.');
      const data = await loadCertificateData(ctx.db, rows.map((r) => r.id));
      const pdf = await renderCertificates(data, { office: await loadCertificateOffice(ctx.db), settings: await loadPermitSettings(ctx.db) });
      await ctx.db
        .updateTable('permits')
        .set((eb) => ({ copies_printed: eb('copies_printed', '+', 1) }))
        .where('id', 'in', rows.map((r) => r.id))
        .execute();
      await ctx.audit({ entity: 'permit', entityId: null, after: { printedBatch: rows.map((r) => r.id) } });
      return {
        fileName: `IUMK-${input.issuedOn ?? 'pilihan'}.pdf`,
        mimeType: 'application/pdf' as const,
        base64: pdf.toString('base64'),
        pages: data.length,
      };
    },
  }),

  'permits.verify': defineMethod({
    summary: 'Memeriksa kode QR surat IUMK (teks atau PDF): tanda tangan sah? izin masih aktif atau dicabut?',
    access: 'authenticated',
    mutation: false,
    input: z
      .strictObject({
        text: label(z.string().max(4000), 'Teks kode QR').nullish(),
        pdfBase64: label(z.string().max(14_000_000), 'Berkas PDF').nullish(),
      })
      .refine((v) => Boolean(v.text?.trim()) || Boolean(v.pdfBase64), { message: 'tempel teks kode QR atau pilih berkas PDF', path: ['text'] }),
    handler: async (ctx, input) => {
      const office = await ctx.db.selectFrom('office').select(['key_id', 'public_key']).executeTakeFirstOrThrow();
      const texts = textsToCheck({ text: input.text, pdf: input.pdfBase64 ? Buffer.from(input.pdfBase64, 'base64') : null });
      const records = new Map<string, PermitRecord | undefined>();
      for (const t of texts) {
        const quick = checkCertificateText(t, { keyById: (kid) => (kid === office.key_id ? office.public_key : undefined) });
        const n = quick.payload?.n;
        if (typeof n === 'string' && !records.has(n)) {
          const row = await ctx.db
            .selectFrom('permits as p')
            .innerJoin('businesses as b', 'b.id', 'p.business_id')
            .select(['p.number', 'p.status', 'b.name as businessName', 'p.issued_on as issuedOn', 'p.revoked_reason as revokedReason', 'p.revoked_on as revokedOn'])
            .where('p.number', '=', n)
            .executeTakeFirst();
          records.set(n, row ? { ...row, number: row.number ?? n } : undefined);
        }
      }
      const results = texts.map((t) =>
        checkCertificateText(t, {
          keyById: (kid) => (kid === office.key_id ? office.public_key : undefined),
          ownKeyId: office.key_id,
          findPermit: (n) => records.get(n),
        }),
      );
      return {
        found: texts.length,
        results,
        message: texts.length === 0 ? (input.pdfBase64 ? 'Tidak ada kode verifikasi di berkas PDF ini.' : 'Teks kode QR kosong.') : null,
      };
    },
  }),

  'permits.publicKey': defineMethod({
    summary: 'Kunci publik kantor (PEM) untuk kantor lain dan provinsi yang memeriksa surat izin.',
    access: 'authenticated',
    mutation: false,
    input: z.strictObject({}),
    handler: async (ctx) => {
      const office = await loadOffice(ctx);
      return { keyId: office.keyId, publicKeyPem: office.publicKey, fileName: `kunci-publik-${office.keyId}.pem` };
    },
  }),

  'permits.slaReport': defineMethod({
    summary: 'Ketepatan waktu layanan IUMK satu bulan: diterima, terbit, ditolak, tepat waktu, per jalur.',
    access: 'authenticated',
    mutation: false,
    input: z.strictObject({ month: label(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'format TTTT-BB'), 'Bulan') }),
    handler: async (ctx, input) => {
      const sc = await slaContext(ctx);
      // Decided in the month (issued or refused), judged by the completion event's local date.
      const decided = await ctx.db
        .selectFrom('permit_events as e')
        .innerJoin('permits as p', 'p.id', 'e.permit_id')
        .select(['p.id', 'p.channel', 'e.to_status as to', 'e.at'])
        .where('e.to_status', 'in', ['terbit', 'ditolak'])
        .where('e.at', '>=', monthBounds(input.month)[0])
        .where('e.at', '<', monthBounds(input.month)[1])
        .execute();
      const inMonth = decided.filter((d) => jakartaDate(d.at).startsWith(input.month));
      const received = await ctx.db
        .selectFrom('permits')
        .select(['channel', (eb) => eb.fn.countAll<number>().as('n')])
        .where('submitted_at', '>=', monthBounds(input.month)[0])
        .where('submitted_at', '<', monthBounds(input.month)[1])
        .groupBy('channel')
        .execute();
      const slas = await slaOfPermits(ctx.db, inMonth.map((d) => d.id), sc);
      const byChannel: Record<string, { received: number; issued: number; rejected: number; onTime: number }> = {};
      const bucket = (c: string) => (byChannel[c] ??= { received: 0, issued: 0, rejected: 0, onTime: 0 });
      for (const r of received) bucket(r.channel).received = Number(r.n);
      let issued = 0;
      let rejected = 0;
      let onTime = 0;
      for (const d of inMonth) {
        const b = bucket(d.channel);
        if (d.to === 'terbit') {
          issued++;
          b.issued++;
        } else {
          rejected++;
          b.rejected++;
        }
        if (slas.get(d.id)?.onTime) {
          onTime++;
          b.onTime++;
        }
      }
      const decidedCount = issued + rejected;
      return {
        month: input.month,
        slaDays: sc.settings.slaDays,
        received: received.reduce((s, r) => s + Number(r.n), 0),
        issued,
        rejected,
        onTime,
        late: decidedCount - onTime,
        onTimeShare: decidedCount ? onTime / decidedCount : null,
        byChannel,
      };
    },
  }),

  'permitSettings.get': defineMethod({
    summary: 'Pengaturan perizinan: batas waktu layanan, jam kantor, persyaratan, format nomor, teks surat.',
    access: 'authenticated',
    mutation: false,
    input: z.strictObject({}),
    handler: async (ctx) => ({ settings: await loadPermitSettings(ctx.db), defaults: DEFAULT_PERMIT_SETTINGS, zones: locationZoneLabels }),
  }),

  'permitSettings.update': defineMethod({
    summary: 'Mengubah pengaturan perizinan (hanya admin).',
    access: ['admin'],
    mutation: true,
    input: permitSettingsSchema,
    handler: async (ctx, input) => {
      const before = await loadPermitSettings(ctx.db);
      await setSetting(ctx.db, PERMIT_SETTINGS_KEY, input, ctx.app.clock.nowIso());
      await ctx.audit({ entity: 'settings', entityId: PERMIT_SETTINGS_KEY, before, after: input });
      return { settings: input };
    },
  }),

  'holidays.list': defineMethod({
    summary: 'Hari libur nasional dan cuti bersama yang dimasukkan kantor untuk satu tahun.',
    access: 'authenticated',
    mutation: false,
    input: z.strictObject({ year: label(z.number().int().min(2000).max(2100), 'Tahun') }),
    handler: (ctx, input) =>
      ctx.db
        .selectFrom('holidays')
        .select(['date', 'name'])
        .where('date', '>=', `${input.year}-01-01`)
        .where('date', '<=', `${input.year}-12-31`)
        .orderBy('date')
        .execute(),
  }),

  'holidays.save': defineMethod({
    summary: 'Menambah atau mengubah hari libur (admin, supervisor).',
    access: ['admin', 'supervisor'],
    mutation: true,
    input: z.strictObject({ date: isoDate('Tanggal'), name: text('Keterangan', 120) }),
    handler: async (ctx, input) => {
      const before = await ctx.db.selectFrom('holidays').selectAll().where('date', '=', input.date).executeTakeFirst();
      const now = ctx.app.clock.nowIso();
      await ctx.db
        .insertInto('holidays')
        .values({ date: input.date, name: input.name, created_at: now, updated_at: now })
        .onConflict((oc) => oc.column('date').doUpdateSet({ name: input.name, updated_at: now }))
        .execute();
      await ctx.audit({ entity: 'holiday', entityId: input.date, before, after: input });
      return input;
    },
  }),

  'holidays.delete': defineMethod({
    summary: 'Menghapus hari libur (admin, supervisor).',
    access: ['admin', 'supervisor'],
    mutation: true,
    input: z.strictObject({ date: isoDate('Tanggal') }),
    handler: async (ctx, input) => {
      const before = await ctx.db.selectFrom('holidays').selectAll().where('date', '=', input.date).executeTakeFirst();
      if (!before) throw notFound('Hari libur');
      await ctx.db.deleteFrom('holidays').where('date', '=', input.date).execute();
      await ctx.audit({ entity: 'holiday', entityId: input.date, before });
      return { date: input.date };
    },
  }),

  ...ajibMethods,
};

/** UTC instants of the start of a WIB month and of the next one. */
function monthBounds(month: string): [string, string] {
  const [y, m] = month.split('-').map(Number);
  const wib = 7 * 3600_000;
  return [new Date(Date.UTC(y, m - 1, 1) - wib).toISOString(), new Date(Date.UTC(y, m, 1) - wib).toISOString()];
}
