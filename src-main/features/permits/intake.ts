// Intake of an IUMK application (loket, AJIB, pendamping, online): a registered member's
// business, or a walk-in registered on the same form. Only businesses in the office's own
// kecamatan are taken, and only with a postal code for the certificate.
import { z } from 'zod';
import { AppError, badInput, conflict, notFound } from '../../core/api/errors';
import { defineMethod, type CallContext } from '../../core/api/registry';
import { fieldMessage, id, label, optionalText } from '../../core/api/validation';
import { recordText } from '../../core/record-texts';
import { joinPhrases, type Locale, type Phrase } from '../../../src-shared/i18n';
import { SCALE_LABELS, type Scale } from '../../../src-shared/rules/scale';
import { maskNik } from '../../core/masking';
import { applyMemberFilters } from '../registrations';
import { checkLocation, locationZones, type LocationInput } from './rules/location';
import { kecamatanOfKelurahan } from './rules/territory';
import { permitStatusLabels } from './rules/transitions';
import { applyTransition, loadPermit, OPEN_STATUSES } from './service';
import { loadPermitSettings, requirementsFor, requirementsIn } from './settings';
import { assertInArea, loadOfficeArea, requirePostalCode } from './places';
import { registerWalkIn, walkInSchema } from './walkin';

export const INTAKE_ROLES = ['loket', 'petugas', 'supervisor'] as const;
export const channels = ['loket', 'ajib', 'pendamping', 'online'] as const;
const categories = ['binaan', 'non_binaan'] as const;
const locationTypes = ['menetap', 'rumah', 'berkeliling'] as const;

export const channelLabels: Record<(typeof channels)[number], Phrase> = {
  loket: { id: 'Loket', en: 'Counter' },
  ajib: { id: 'AJIB', en: 'AJIB' },
  pendamping: { id: 'Pendamping', en: 'Pendamping' },
  online: { id: 'Daring', en: 'Online' },
};

const area = (name: Phrase) => label(z.number().positive().max(100_000), name).nullish();

const locationFields = {
  locationType: label(z.enum(locationTypes), { id: 'Jenis lokasi', en: 'Location type' }),
  floorAreaM2: area({ id: 'Luas tempat usaha', en: 'Business premises area' }),
  plotAreaM2: area({ id: 'Luas lahan', en: 'Land area' }),
  atDesignatedLocation: label(z.boolean(), { id: 'Lokasi berjualan', en: 'Selling location' }).nullish(),
  zone: label(z.enum(locationZones), { id: 'Zona lokasi', en: 'Location zone' }).nullish(),
};

export const requirementCodes = label(z.array(z.string().trim().min(1).max(40)).max(30), { id: 'Persyaratan', en: 'Requirements' });

function toLocationInput(input: {
  locationType: string;
  floorAreaM2?: number | null;
  plotAreaM2?: number | null;
  atDesignatedLocation?: boolean | null;
  zone?: string | null;
}): LocationInput {
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
    throw new AppError(
      'bad_input',
      joinPhrases(
        violations.map((v) => v.message),
        ' ',
      ),
      fields,
    );
  }
}

export async function assertRequirementCodes(ctx: CallContext, codes: string[]) {
  const settings = await loadPermitSettings(ctx.db);
  const known = new Set(settings.requirements.map((r) => r.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length)
    throw badInput('requirements', { id: `Persyaratan: kode tidak dikenal: ${unknown.join(', ')}`, en: `Requirements: unknown codes: ${unknown.join(', ')}` });
  return [...new Set(codes)];
}

/** A registered member's business, checked before anything is written. */
async function checkMemberBusiness(ctx: CallContext, memberId: string, businessId: string) {
  const business = await ctx.db
    .selectFrom('businesses')
    .select(['member_id', 'scale', 'status', 'name', 'kelurahan_kode', 'postal_code'])
    .where('id', '=', businessId)
    .executeTakeFirst();
  if (!business) throw notFound({ id: 'Usaha', en: 'Business' });
  if (business.member_id !== memberId)
    throw badInput('businessId', { id: 'Usaha: bukan milik anggota yang dipilih', en: 'Business: does not belong to the chosen member' });
  if (business.status !== 'aktif') throw badInput('businessId', { id: `Usaha: ${business.name} sudah tutup`, en: `Business: ${business.name} is closed` });
  if (business.scale !== 'mikro' && business.scale !== 'kecil') {
    throw badInput('businessId', {
      id: `Usaha: IUMK hanya untuk usaha mikro dan kecil; ${business.name} tercatat usaha ${SCALE_LABELS[business.scale as Scale].id.toLowerCase()}`,
      en: `Business: IUMK is for micro and small businesses only; ${business.name} is recorded as ${SCALE_LABELS[business.scale as Scale].en.toLowerCase()}`,
    });
  }
  const place = await assertInArea(ctx.db, business.kelurahan_kode, 'businessId');
  const postalCode = await requirePostalCode(ctx.db, business, place, 'businessId');
  const open = await ctx.db
    .selectFrom('permits')
    .select(['status', 'number'])
    .where('business_id', '=', businessId)
    .where('status', 'in', [...OPEN_STATUSES, 'terbit', 'diserahkan'])
    .executeTakeFirst();
  if (open) {
    const status = permitStatusLabels[open.status];
    throw conflict(
      open.number
        ? { id: `Usaha ini sudah memiliki IUMK aktif nomor ${open.number}.`, en: `This business already has an active IUMK, number ${open.number}.` }
        : {
            id: `Usaha ini sudah memiliki permohonan IUMK yang sedang diproses (${status.id}).`,
            en: `This business already has an IUMK application in progress (${status.en}).`,
          },
      {
        businessId: {
          id: 'Usaha: sudah memiliki IUMK atau permohonan yang sedang diproses',
          en: 'Business: already has an IUMK or an application in progress',
        },
      },
    );
  }
  return { postalCode };
}

export const intakeMethods = {
  'permits.create': defineMethod({
    summary: 'Menerima permohonan IUMK (loket, AJIB, pendamping, daring); pemohon baru didaftarkan singkat; dapat langsung diverifikasi.',
    access: INTAKE_ROLES,
    mutation: true,
    input: z
      .strictObject({
        memberId: id({ id: 'Anggota', en: 'Member' }).nullish(),
        businessId: id({ id: 'Usaha', en: 'Business' }).nullish(),
        walkIn: walkInSchema.nullish(),
        channel: label(z.enum(channels), { id: 'Jalur permohonan', en: 'Application channel' }),
        category: label(z.enum(categories), { id: 'Kategori UMK', en: 'UMK category' }),
        categoryRef: optionalText({ id: 'Nomor surat pembina / rekomendasi lurah', en: 'Number of the mentor’s letter / lurah’s recommendation' }, 120),
        ...locationFields,
        facility: optionalText({ id: 'Sarana usaha', en: 'Business premises' }, 120),
        requirements: requirementCodes.default([]),
        note: optionalText({ id: 'Catatan', en: 'Note' }, 500),
        /** The clerk checked the complete file with the applicant at the counter: verified at once. */
        verify: label(z.boolean(), { id: 'Langsung verifikasi', en: 'Verify at once' }).default(false),
      })
      .superRefine((v, issue) => {
        if (v.walkIn && (v.memberId || v.businessId)) {
          issue.addIssue({
            code: 'custom',
            path: ['memberId'],
            message: fieldMessage({
              id: 'pilih anggota terdaftar atau isi pendaftaran singkat, bukan keduanya',
              en: 'choose a registered member or fill in the short registration, not both',
            }),
          });
        } else if (!v.walkIn && !v.memberId) {
          issue.addIssue({
            code: 'custom',
            path: ['memberId'],
            message: fieldMessage({
              id: 'pilih anggota atau isi pendaftaran singkat pemohon baru',
              en: 'choose a member, or fill in the short registration of a new applicant',
            }),
          });
        } else if (!v.walkIn && !v.businessId) {
          issue.addIssue({
            code: 'custom',
            path: ['businessId'],
            message: fieldMessage({ id: 'pilih usaha anggota', en: "choose one of the member's businesses" }),
          });
        }
      }),
    handler: async (ctx, input) => {
      assertLocation(input);
      const requirements = await assertRequirementCodes(ctx, input.requirements);
      const settings = await loadPermitSettings(ctx.db);
      if (input.verify) {
        const ticked = new Set(requirements);
        const missing = requirementsFor(settings, input.category).filter((r) => !ticked.has(r.code));
        if (missing.length) {
          const list = (l: Locale) =>
            requirementsIn(missing, l)
              .map((r) => r.label)
              .join('; ');
          throw badInput('requirements', {
            id: `Persyaratan belum lengkap, permohonan belum dapat diverifikasi. Belum ada: ${list('id')}. Centang yang sudah diserahkan, atau simpan tanpa verifikasi dan minta pemohon melengkapinya.`,
            en: `The requirements are incomplete; the application cannot be verified yet. Missing: ${list('en')}. Tick what was handed in, or save without verifying and ask the applicant to complete it.`,
          });
        }
      }
      let memberId: string;
      let businessId: string;
      let postalCode: string;
      if (input.walkIn) {
        ({ memberId, businessId, postalCode } = await registerWalkIn(ctx, input.walkIn));
      } else {
        // The schema's refinement refuses a call with neither a walk-in nor both ids.
        if (!input.memberId || !input.businessId)
          throw badInput('memberId', { id: 'Anggota: pilih anggota dan usahanya', en: 'Member: choose the member and the business' });
        memberId = input.memberId;
        businessId = input.businessId;
        ({ postalCode } = await checkMemberBusiness(ctx, memberId, businessId));
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
          revoked_kind: null,
          copies_printed: 0,
          postal_code: postalCode,
          verification_code: null,
          original_confirmed_at: null,
          original_confirmed_by: null,
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
          note: input.note ?? recordText('permitReceived', { channel: input.channel }),
          receiver_name: null,
          delivery_channel: null,
        })
        .execute();
      const after = await loadPermit(ctx.db, permitId);
      await ctx.audit({ entity: 'permit', entityId: permitId, after });
      const final = input.verify ? await applyTransition(ctx, permitId, { to: 'diverifikasi', expectedStatus: 'diajukan' }) : after;
      return { id: permitId, memberId, businessId, status: final.status };
    },
  }),

  'permits.applicantSearch': defineMethod({
    summary: 'Mencari anggota dan usahanya untuk permohonan IUMK (nama, nomor anggota, NIK atau 6 digit terakhirnya, nama usaha).',
    access: INTAKE_ROLES,
    mutation: false,
    input: z.strictObject({ query: label(z.string().trim().min(2).max(100), { id: 'Cari', en: 'Search' }) }),
    handler: async (ctx, input) => {
      // The members list's own search: one rule for finding a member, on its indexes.
      const members = await applyMemberFilters(ctx.db.selectFrom('members'), { search: input.query })
        .select(['members.id', 'members.member_no as memberNo', 'members.full_name as fullName', 'members.nik', 'members.address_street as address'])
        .orderBy('members.name_key')
        .orderBy('members.id')
        .limit(20)
        .execute();
      const digits = input.query.replace(/[\s.-]/g, '');
      const office = await loadOfficeArea(ctx.db);
      const businesses = members.length
        ? await ctx.db
            .selectFrom('businesses as b')
            .innerJoin('regions as kel', 'kel.kode', 'b.kelurahan_kode')
            .innerJoin('regions as kec', 'kec.kode', 'kel.parent_kode')
            .select([
              'b.id',
              'b.member_id as memberId',
              'b.name',
              'b.scale',
              'b.status',
              'b.nib',
              'b.address_street as address',
              'b.kelurahan_kode as kelurahanKode',
              'kel.nama as kelurahan',
              'kec.nama as kecamatan',
            ])
            .where(
              'b.member_id',
              'in',
              members.map((m) => m.id),
            )
            .orderBy('b.name')
            .execute()
        : [];
      return members.map((m) => ({
        ...m,
        // One masking rule for every screen and role (the members list's).
        nik: maskNik(m.nik),
        exactNik: m.nik === digits,
        businesses: businesses
          .filter((b) => b.memberId === m.id)
          .map((b) => ({ ...b, inArea: kecamatanOfKelurahan(b.kelurahanKode) === office.kecamatanKode })),
      }));
    },
  }),
};
