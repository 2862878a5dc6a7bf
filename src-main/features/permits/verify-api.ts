// Verification in the office app: a scanned QR text, a certificate PDF, or the short code a
// caller reads out on the phone; with the holder's NIK (or its last 6 digits) when given.
import { z } from 'zod';
import { badInput } from '../../core/api/errors';
import { defineMethod, type CallContext } from '../../core/api/registry';
import { label } from '../../core/api/validation';
import { jakartaDate } from '../../core/clock';
import { formatPublicKeyFile } from '../../core/signing';
import { certificateQrText, loadCertificateData, loadCertificateOffice } from './certificate';
import { normaliseVerificationCode } from './rules/verification-code';
import { certificateKind, checkCertificateText, parseHolderNik, textsToCheck, type CertificateRecord, type IssuerKey } from './verify';
import { findCertificateRecord } from './verify-records';

async function ownKey(ctx: CallContext) {
  const office = await ctx.db.selectFrom('office').select(['key_id', 'public_key', 'name', 'kecamatan_kode']).executeTakeFirstOrThrow();
  const key: IssuerKey = { pem: office.public_key, officeName: office.name, kecamatanKode: office.kecamatan_kode };
  return { keyId: office.key_id, key };
}

/** The signed text of the certificate that carries this verification code, re-created from the register. */
async function textForCode(ctx: CallContext, code: string): Promise<string | null> {
  const permit = await ctx.db.selectFrom('permits').select('id').where('verification_code', '=', code).executeTakeFirst();
  if (!permit) return null;
  const data = (await loadCertificateData(ctx.db, [permit.id])).at(0);
  return data ? certificateQrText(data, await loadCertificateOffice(ctx.db)) : null;
}

export const verifyMethods = {
  'permits.verify': defineMethod({
    summary: 'Memeriksa surat izin atau sertifikat pelatihan (teks kode QR, berkas PDF, atau kode verifikasi) dan, bila diisi, apakah NIK pemegangnya cocok.',
    access: 'authenticated',
    mutation: false,
    input: z
      .strictObject({
        text: label(z.string().max(4000), { id: 'Teks kode QR', en: 'QR code text' }).nullish(),
        pdfBase64: label(z.string().max(14_000_000), { id: 'Berkas PDF', en: 'PDF file' }).nullish(),
        code: label(z.string().max(40), { id: 'Kode verifikasi', en: 'Verification code' }).nullish(),
        nik: label(z.string().max(30), { id: 'NIK pemegang', en: 'Holder’s NIK' }).nullish(),
      })
      .refine((v) => Boolean(v.text?.trim()) || Boolean(v.pdfBase64) || Boolean(v.code?.trim()), {
        message: 'tempel teks kode QR, isi kode verifikasi, atau pilih berkas PDF',
        path: ['text'],
      }),
    handler: async (ctx, input) => {
      if (input.nik?.trim() && !parseHolderNik(input.nik))
        throw badInput('nik', {
          id: 'NIK pemegang: isi 16 angka NIK atau 6 angka terakhirnya',
          en: 'Holder’s NIK: enter the 16 digits of the NIK or its last 6',
        });
      const { keyId, key } = await ownKey(ctx);
      let texts: string[];
      let message: string | null = null;
      if (input.code?.trim()) {
        const code = normaliseVerificationCode(input.code);
        if (!code)
          throw badInput('code', {
            id: 'Kode verifikasi: 12 huruf dan angka seperti tercetak di bawah kode QR (misalnya K7QF-2M9D-XR4P)',
            en: 'Verification code: 12 letters and digits as printed under the QR code (for example K7QF-2M9D-XR4P)',
          });
        const text = await textForCode(ctx, code);
        texts = text ? [text] : [];
        if (!text)
          message =
            'Kode verifikasi tidak ada di register kantor ini. Periksa kembali kode yang dibacakan; surat dari kantor lain diperiksa di kantor penerbitnya.';
      } else {
        texts = textsToCheck({ text: input.text, pdf: input.pdfBase64 ? Buffer.from(input.pdfBase64, 'base64') : null });
        if (texts.length === 0) message = input.pdfBase64 ? 'Tidak ada kode verifikasi di berkas PDF ini.' : 'Teks kode QR kosong.';
      }
      // The register rows are read first (the check itself is synchronous and pure).
      const records = new Map<string, CertificateRecord | undefined>();
      const keyById = (kid: string) => (kid === keyId ? key : undefined);
      for (const t of texts) {
        const quick = checkCertificateText(t, { keyById });
        const kind = certificateKind(quick.payload?.t);
        const number = quick.payload && kind ? kind.keyOf(quick.payload) : null;
        const at = `${kind?.code}:${number}`;
        if (kind && number && !records.has(at)) records.set(at, await findCertificateRecord(ctx.db, kind.code, number));
      }
      const today = jakartaDate(ctx.app.clock.nowIso());
      const results = texts.map((t) =>
        checkCertificateText(t, {
          keyById,
          ownKeyId: keyId,
          findRecord: (kind, n) => records.get(`${kind}:${n}`),
          today,
          nik: input.nik ?? null,
        }),
      );
      return { found: texts.length, results, message };
    },
  }),

  'permits.publicKey': defineMethod({
    summary: 'Kunci publik kantor (PEM dengan nama kantor dan kode kecamatan) untuk kantor lain dan provinsi yang memeriksa surat.',
    access: 'authenticated',
    mutation: false,
    input: z.strictObject({}),
    handler: async (ctx) => {
      const office = await ctx.db.selectFrom('office').select(['key_id', 'public_key', 'name', 'kecamatan_kode']).executeTakeFirstOrThrow();
      return {
        keyId: office.key_id,
        publicKeyPem: formatPublicKeyFile({ publicKeyPem: office.public_key, officeName: office.name, kecamatanKode: office.kecamatan_kode }),
        fileName: `kunci-publik-${office.key_id}.pem`,
      };
    },
  }),
};
