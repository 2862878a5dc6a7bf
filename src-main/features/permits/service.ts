import { randomBytes } from 'node:crypto';
import { recordText } from '../../core/record-texts';
import { badInput, conflict, forbidden, notFound, signedInUser } from '../../core/api/errors';
import type { CallContext, Database } from '../../core/api/registry';
import { jakartaDate } from '../../core/clock';
import { nextSequence } from '../../core/sequences';
import { loadOffice } from '../../core/office';
import { completeStage } from '../../core/stages';
import { assertInArea, requirePostalCode } from './places';
import { printStateOf } from './print-log';
import { formatPermitNumber } from './rules/numbering';
import { kelurahanNumberPart } from './rules/territory';
import { turnOf, turnSentence, type Turn } from './rules/turn';
import { verificationCodeFrom } from './rules/verification-code';
import { checkTransition, findPermitTransition, permitStatusLabels, type PermitStatus, type PermitTransitionInput, type StaffRole } from './rules/transitions';
import { evaluateSla, type SlaEvent, type SlaResult } from './rules/workdays';
import { loadPermitSettings, requirementsFor, requirementsIn, type PermitSettings } from './settings';
import type { PermitEventsTable, PermitsTable } from './tables';

export const OPEN_STATUSES: readonly PermitStatus[] = ['diajukan', 'diverifikasi', 'perlu_perbaikan', 'disetujui'];

export async function loadHolidays(db: Database): Promise<Set<string>> {
  const rows = await db.selectFrom('holidays').select('date').execute();
  return new Set(rows.map((r) => r.date));
}

/** The permit's history as the SLA clock reads it (see evaluateSla). */
export function slaEventsOf(events: Pick<PermitEventsTable, 'from_status' | 'to_status' | 'at'>[]): SlaEvent[] {
  const out: SlaEvent[] = [];
  for (const e of events) {
    if (e.from_status === null) {
      out.push({ type: 'submitted', at: e.at });
      continue;
    }
    const effect = findPermitTransition(e.from_status, e.to_status)?.slaEffect;
    if (effect === 'paused') out.push({ type: 'paused', at: e.at });
    else if (effect === 'resumed') out.push({ type: 'resumed', at: e.at });
    else if (effect === 'completed') out.push({ type: 'completed', at: e.at, outcome: e.to_status === 'ditolak' ? 'ditolak' : 'terbit' });
  }
  return out;
}

export interface SlaContext {
  settings: PermitSettings;
  holidays: Set<string>;
  now: string;
}

export async function slaContext(ctx: Pick<CallContext, 'db' | 'app'>): Promise<SlaContext> {
  return { settings: await loadPermitSettings(ctx.db), holidays: await loadHolidays(ctx.db), now: ctx.app.clock.nowIso() };
}

export function computeSla(events: Pick<PermitEventsTable, 'from_status' | 'to_status' | 'at'>[], sc: SlaContext): SlaResult | null {
  const slaEvents = slaEventsOf(events);
  if (!slaEvents.some((e) => e.type === 'submitted')) return null;
  return evaluateSla(slaEvents, { slaDays: sc.settings.slaDays, holidays: sc.holidays, officeHours: sc.settings.officeHours, now: sc.now });
}

/** SLA of many permits at once: one query for all their events. */
export async function slaOfPermits(db: Database, ids: string[], sc: SlaContext): Promise<Map<string, SlaResult | null>> {
  const result = new Map<string, SlaResult | null>();
  if (ids.length === 0) return result;
  const byPermit = new Map<string, PermitEventsTable[]>();
  // Chunks keep the parameter count under SQLite's limit.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('permit_events')
      .selectAll()
      .where('permit_id', 'in', ids.slice(i, i + 500))
      .orderBy('at')
      .orderBy('id')
      .execute();
    for (const r of rows) {
      const list = byPermit.get(r.permit_id) ?? [];
      list.push(r);
      byPermit.set(r.permit_id, list);
    }
  }
  for (const id of ids) result.set(id, computeSla(byPermit.get(id) ?? [], sc));
  return result;
}

export function parseRequirements(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function roleOf(ctx: CallContext): StaffRole {
  return signedInUser(ctx).role;
}

export async function loadPermit(db: Database, id: string): Promise<PermitsTable> {
  const permit = await db.selectFrom('permits').selectAll().where('id', '=', id).executeTakeFirst();
  if (!permit) throw notFound({ id: 'Izin', en: 'Permit' });
  return permit;
}

export interface TransitionRequest extends PermitTransitionInput {
  to: PermitStatus;
  /** The status the caller saw; a different current status means someone else moved it first. */
  expectedStatus?: PermitStatus | null;
  validUntil?: string | null;
  /** For dicabut: revoked outright, or no longer valid because an NIB or a new permit replaced it. */
  revokeKind?: 'dicabut' | 'diganti' | null;
}

/** Whose move the permit waits for (status, print state, planned AJIB delivery). */
export async function turnOfPermit(db: Database, permit: PermitsTable): Promise<Turn> {
  const print = await printStateOf(db, permit);
  const delivery =
    permit.status === 'terbit'
      ? await db
          .selectFrom('ajib_tasks')
          .select('id')
          .where('permit_id', '=', permit.id)
          .where('kind', '=', 'delivery')
          .where('status', '=', 'rencana')
          .executeTakeFirst()
      : undefined;
  return turnOf({
    status: permit.status,
    originalConfirmed: print.originalConfirmed,
    awaitingPrintReport: print.awaitingReport,
    ajibDeliveryPlanned: Boolean(delivery),
  });
}

/** A verification code no other permit of the office has. */
async function newVerificationCode(db: Database): Promise<string> {
  for (;;) {
    const code = verificationCodeFrom((n) => randomBytes(n));
    const taken = await db.selectFrom('permits').select('id').where('verification_code', '=', code).executeTakeFirst();
    if (!taken) return code;
  }
}

/**
 * Moves a permit along the one transition table: checks the move and the role, the input the
 * move needs, the requirements at approval; assigns the number at issuance (gap-free, inside the
 * call's transaction) and records the P4 stage; appends the event. Everything or nothing.
 */
export async function applyTransition(ctx: CallContext, permitId: string, req: TransitionRequest): Promise<PermitsTable> {
  const role = roleOf(ctx);
  const permit = await loadPermit(ctx.db, permitId);
  if (req.expectedStatus && req.expectedStatus !== permit.status) {
    throw conflict({
      id: `Status izin sudah berubah menjadi ${permitStatusLabels[permit.status].id} oleh pengguna lain. Muat ulang halaman untuk melihat keadaan terbaru.`,
      en: `Another user has changed the permit's status to ${permitStatusLabels[permit.status].en}. Reload the page to see where it stands.`,
    });
  }
  const check = checkTransition(permit.status, req.to, role, req);
  if (!check.ok) {
    // Say whose move it is, so the caller knows what to do instead.
    if (check.code === 'forbidden') {
      const turn = turnSentence(await turnOfPermit(ctx.db, permit));
      throw forbidden({ id: `${check.message.id} ${turn.id}`, en: `${check.message.en} ${turn.en}` });
    }
    if (check.code === 'conflict') throw conflict(check.message);
    const field = check.message.id.includes('Nama penerima') ? 'receiverName' : 'reason';
    throw badInput(field, check.message);
  }
  const now = ctx.app.clock.nowIso();
  const today = jakartaDate(now);
  const settings = await loadPermitSettings(ctx.db);
  const changes: Partial<PermitsTable> = { status: req.to, status_at: now, updated_at: now };

  if (req.to === 'disetujui') {
    const ticked = new Set(parseRequirements(permit.requirements));
    const missing = requirementsFor(settings, permit.category).filter((r) => !ticked.has(r.code));
    if (missing.length) {
      throw badInput('requirements', {
        id: `Persyaratan belum lengkap, izin belum dapat disetujui. Belum ada: ${requirementsIn(missing, 'id')
          .map((r) => r.label)
          .join('; ')}.`,
        en: `The requirements are incomplete; the permit cannot be approved yet. Missing: ${requirementsIn(missing, 'en')
          .map((r) => r.label)
          .join('; ')}.`,
      });
    }
  }
  if (req.to === 'ditolak') changes.decision_reason = req.reason ?? null;
  if (req.to === 'dicabut') {
    const kind = req.revokeKind ?? 'dicabut';
    changes.revoked_reason = req.reason ?? null;
    changes.revoked_on = today;
    changes.revoked_kind = kind;
    const label = kind === 'diganti' ? 'Diganti' : 'Dicabut';
    await ctx.db
      .updateTable('permit_number_log')
      .set({ voided_at: now, void_reason: `${label}: ${req.reason ?? ''}`.trim() })
      .where('permit_id', '=', permit.id)
      .execute();
  }
  if (req.to === 'terbit') {
    const business = await ctx.db
      .selectFrom('businesses')
      .select(['kelurahan_kode', 'nib', 'postal_code'])
      .where('id', '=', permit.business_id)
      .executeTakeFirstOrThrow();
    // The camat signs only for businesses in the kecamatan; the address may have changed since intake.
    const place = await assertInArea(ctx.db, business.kelurahan_kode, 'businessId');
    const postalCode = permit.postal_code ?? (await requirePostalCode(ctx.db, business, place, 'postalCode'));
    const office = await loadOffice(ctx);
    const year = Number(today.slice(0, 4));
    const month = Number(today.slice(5, 7));
    // Per-year counter in this transaction: if anything below fails, the number is given back.
    const seq = await nextSequence(ctx.db, 'permit_number', String(year));
    const number = formatPermitNumber(settings.numberTemplate, {
      seq,
      year,
      month,
      kelurahan: kelurahanNumberPart(business.kelurahan_kode),
      kecamatan: office.kecamatanKode,
      klasifikasi: settings.classification,
    });
    const taken = await ctx.db.selectFrom('permit_number_log').select('number').where('number', '=', number).executeTakeFirst();
    if (taken)
      throw conflict({
        id: `Nomor ${number} sudah pernah dipakai. Periksa format nomor di pengaturan perizinan.`,
        en: `Number ${number} has been used before. Check the number format in the permit settings.`,
      });
    Object.assign(changes, {
      number,
      number_year: year,
      number_seq: seq,
      issued_on: today,
      nib: business.nib ?? permit.nib,
      valid_until: req.validUntil ?? permit.valid_until,
      postal_code: postalCode,
      verification_code: permit.verification_code ?? (await newVerificationCode(ctx.db)),
    });
    await ctx.db
      .insertInto('permit_number_log')
      .values({ number, year, seq, permit_id: permit.id, issued_at: now, issued_by: ctx.user?.id ?? null, voided_at: null, void_reason: null })
      .execute();
    await completeStage(ctx.db, {
      memberId: permit.member_id,
      stage: 'P4',
      completedOn: today,
      evidence: recordText('permit', { number }),
      source: 'permit',
      sourceId: permit.id,
      userId: ctx.user?.id ?? null,
      nowIso: now,
    });
  }

  await ctx.db.updateTable('permits').set(changes).where('id', '=', permit.id).where('status', '=', permit.status).execute();
  await ctx.db
    .insertInto('permit_events')
    .values({
      id: ctx.app.newId(),
      permit_id: permit.id,
      from_status: permit.status,
      to_status: req.to,
      by_user_id: ctx.user?.id ?? null,
      by_name: ctx.user?.fullName ?? null,
      by_role: role,
      at: now,
      note: req.reason ?? null,
      receiver_name: req.receiverName ?? null,
      delivery_channel: req.to === 'diserahkan' ? (req.deliveryChannel ?? 'loket') : null,
    })
    .execute();
  const after = await loadPermit(ctx.db, permit.id);
  await ctx.audit({ entity: 'permit', entityId: permit.id, before: permit, after });
  return after;
}
