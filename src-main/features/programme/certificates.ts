import { conflict } from '../../core/api/errors';
import type { CallContext, Database } from '../../core/api/registry';
import { nextSequence } from '../../core/sequences';
import { hashNik, signPayload } from '../../core/signing';
import { loadOffice } from '../../core/office';
import { SKPD_LABELS } from './common';
import { formatCertificateNumber } from './rules/certificate-number';
import { trainingDates, type CertificateOffice, type TrainingCertificate } from './certificate';

/** Name of the per-year sequence the certificate numbers come from (scope: the year of issue). */
const SEQUENCE = 'training_certificate';

/**
 * Gives every graduate of a training just completed a certificate number, in name order, from
 * the office's per-year sequence. Runs in the completion's transaction, so the sequence and the
 * numbers commit together: a number is never given twice, never skipped, never changed.
 */
export async function issueCertificates(
  ctx: CallContext,
  trainingId: string,
  issuedOn: string,
  template: string,
): Promise<{ memberId: string; number: string }[]> {
  const office = await ctx.db.selectFrom('office').select('kecamatan_kode').executeTakeFirstOrThrow();
  const graduates = await ctx.db
    .selectFrom('training_enrolments as e')
    .innerJoin('members as m', 'm.id', 'e.member_id')
    .select('m.id')
    .where('e.training_id', '=', trainingId)
    .where('e.completed', '=', 1)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('training_certificates as c')
            .select('c.id')
            .whereRef('c.training_id', '=', 'e.training_id')
            .whereRef('c.member_id', '=', 'e.member_id'),
        ),
      ),
    )
    .orderBy('m.name_key')
    .orderBy('m.id')
    .execute();
  const year = Number(issuedOn.slice(0, 4));
  const now = ctx.app.clock.nowIso();
  const issued: { memberId: string; number: string }[] = [];
  for (const g of graduates) {
    const seq = await nextSequence(ctx.db, SEQUENCE, String(year));
    const number = formatCertificateNumber(template, { seq, issuedOn, kecamatan: office.kecamatan_kode });
    // The template may have changed to one that repeats an older number: refuse rather than print it twice.
    const taken = await ctx.db.selectFrom('training_certificates').select('id').where('number', '=', number).executeTakeFirst();
    if (taken)
      throw conflict({
        id: `Nomor sertifikat ${number} sudah pernah dipakai. Periksa format nomor sertifikat di pengaturan program.`,
        en: `Certificate number ${number} has been used before. Check the certificate number format in the programme settings.`,
      });
    await ctx.db
      .insertInto('training_certificates')
      .values({ id: ctx.app.newId(), training_id: trainingId, member_id: g.id, number, year, seq, issued_on: issuedOn, copies_printed: 0, created_at: now })
      .execute();
    issued.push({ memberId: g.id, number });
  }
  return issued;
}

/** The signed QR text of a training certificate (fields documented in the README). */
export function trainingCertificateQrText(
  c: { number: string; issuedOn: string; topic: string; nik: string },
  key: { keyId: string; privateKeyPem: string },
): string {
  return signPayload({ t: 'SERT', n: c.number, d: c.issuedOn, p: c.topic.slice(0, 80), h: hashNik(c.nik, key.keyId) }, key);
}

export async function loadCertificateOffice(ctx: Pick<CallContext, 'db'>): Promise<CertificateOffice & { keyId: string; privateKeyPem: string }> {
  const office = await loadOffice(ctx);
  const key = await ctx.db.selectFrom('office').select(['key_id', 'private_key']).executeTakeFirstOrThrow();
  return {
    name: office.name,
    letterheadLines: office.letterheadLines,
    address: office.address,
    postalCode: office.postalCode,
    phone: office.phone,
    email: office.email,
    kecamatanNama: office.kecamatanNama,
    signatoryTitle: office.signatoryTitle,
    signatoryName: office.signatoryName,
    signatoryNip: office.signatoryNip,
    keyId: key.key_id,
    privateKeyPem: key.private_key,
  };
}

/**
 * The certificates of a training ready to print, in name order (one member, or all), each with
 * its signed QR text; a certificate printed before comes out marked as a copy. Counting the
 * print happens here, in the call's transaction; drawing the PDF is left to the caller.
 */
export async function certificatesToPrint(
  ctx: CallContext,
  trainingId: string,
  memberId?: string,
): Promise<{ office: CertificateOffice; list: TrainingCertificate[] }> {
  const office = await loadCertificateOffice(ctx);
  let q = ctx.db
    .selectFrom('training_certificates as c')
    .innerJoin('members as m', 'm.id', 'c.member_id')
    .innerJoin('trainings as t', 't.id', 'c.training_id')
    .select([
      'c.id',
      'c.number',
      'c.issued_on',
      'c.copies_printed',
      'c.revoked_on',
      'm.id as memberId',
      'm.full_name',
      'm.member_no',
      'm.nik',
      't.topic',
      't.starts_at',
      't.ends_at',
      't.mode',
      't.place',
      't.trainer',
      't.skpd',
    ])
    .where('c.training_id', '=', trainingId)
    .where('c.revoked_on', 'is', null);
  if (memberId) q = q.where('c.member_id', '=', memberId);
  const rows = await q.orderBy('m.name_key').orderBy('m.id').execute();
  const now = ctx.app.clock.nowIso();
  const list: TrainingCertificate[] = [];
  for (const r of rows) {
    await ctx.db
      .updateTable('training_certificates')
      .set({ copies_printed: r.copies_printed + 1 })
      .where('id', '=', r.id)
      .execute();
    list.push({
      number: r.number,
      issuedOn: r.issued_on,
      copy: r.copies_printed > 0,
      holder: { fullName: r.full_name, memberNo: r.member_no },
      training: { topic: r.topic, startsAt: r.starts_at, endsAt: r.ends_at, mode: r.mode, place: r.place, trainer: r.trainer, organiser: SKPD_LABELS[r.skpd] },
      qrText: trainingCertificateQrText({ number: r.number, issuedOn: r.issued_on, topic: r.topic, nik: r.nik }, office),
    });
  }
  if (rows.length) {
    await ctx.audit({
      entity: 'training_certificates',
      entityId: trainingId,
      after: { printed: rows.map((r) => ({ number: r.number, copy: r.copies_printed > 0 })), at: now },
    });
  }
  const { keyId: _k, privateKeyPem: _p, ...printable } = office;
  return { office: printable, list };
}

/** What a verifier shows for a training certificate number, or null when this office has none. */
export interface TrainingCertificateRecord {
  number: string;
  issuedOn: string;
  holder: { name: string; memberNo: string };
  training: { topic: string; dates: string; trainer: string; organiser: string };
  /** false once revoked; the reason and date say why. */
  valid: boolean;
  revokedOn: string | null;
  revokeReason: string | null;
}

/** The register row of a training certificate by its number, with the holder's NIK (the app and the verify command alike). */
export function trainingCertificateRecordQuery(db: Database, number: string) {
  return db
    .selectFrom('training_certificates as c')
    .innerJoin('members as m', 'm.id', 'c.member_id')
    .select(['c.revoked_on', 'c.revoke_reason', 'm.nik as holder_nik'])
    .where('c.number', '=', number);
}

export async function findTrainingCertificate(db: Database, number: string): Promise<TrainingCertificateRecord | null> {
  const r = await db
    .selectFrom('training_certificates as c')
    .innerJoin('members as m', 'm.id', 'c.member_id')
    .innerJoin('trainings as t', 't.id', 'c.training_id')
    .select([
      'c.number',
      'c.issued_on',
      'c.revoked_on',
      'c.revoke_reason',
      'm.full_name',
      'm.member_no',
      't.topic',
      't.starts_at',
      't.ends_at',
      't.trainer',
      't.skpd',
    ])
    .where('c.number', '=', number.trim())
    .executeTakeFirst();
  if (!r) return null;
  return {
    number: r.number,
    issuedOn: r.issued_on,
    holder: { name: r.full_name, memberNo: r.member_no },
    training: { topic: r.topic, dates: trainingDates(r.starts_at, r.ends_at), trainer: r.trainer, organiser: SKPD_LABELS[r.skpd] },
    valid: r.revoked_on === null,
    revokedOn: r.revoked_on,
    revokeReason: r.revoke_reason,
  };
}
