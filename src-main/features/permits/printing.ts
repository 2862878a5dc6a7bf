// Printing certificates: the original first, SALINAN only after the clerk confirmed a good
// original; a failed print (paper jam) is reported and the original printed again. Every print
// and report is kept in the permit's print log.
import { z } from 'zod';
import { AppError, badInput, conflict } from '../../core/api/errors';
import { defineMethod, type CallContext, type Database } from '../../core/api/registry';
import { id, isoDate, label, optionalText } from '../../core/api/validation';
import { loadCertificateData, loadCertificateOffice, type CertificateData } from './certificate';
import { appendPrint, printStateOf, printStates, stateIn } from './print-log';
import { checkPrint, checkReport } from './rules/printing';
import { permitStatusLabels } from './rules/transitions';
import { loadPermit } from './service';
import { loadPermitSettings } from './settings';
import type { PermitPrintKind } from './tables';
import { renderCertificatesTask } from './tasks';

export const PRINT_ROLES = ['loket', 'supervisor'] as const;

const printable = (status: string) => status === 'terbit' || status === 'diserahkan';

function requirePostalCodes(list: CertificateData[]) {
  const missing = list.filter((d) => !d.business.postalCode);
  if (missing.length) {
    throw badInput('postalCode', {
      id:
        `Kode pos alamat usaha belum ada untuk ${missing.map((d) => d.number).join(', ')}: surat izin wajib memuat kode pos. ` +
        'Isi kode pos usaha, atau minta admin mengisi kode pos kelurahannya di Pengaturan › Kode pos kelurahan.',
      en:
        `The business address has no postal code for ${missing.map((d) => d.number).join(', ')}: a permit certificate must show the postal code. ` +
        "Enter the business's postal code, or ask the admin to fill in its kelurahan's postal code in Settings › Kelurahan postal codes.",
    });
  }
}

/** Draws the certificates in the worker pool, each as its print kind says (SALINAN or original). */
async function draw(db: Database, list: CertificateData[], kinds: Map<string, PermitPrintKind>) {
  const office = await loadCertificateOffice(db);
  const settings = await loadPermitSettings(db);
  return {
    office,
    settings: { documentTitle: settings.documentTitle, legalBasis: settings.legalBasis },
    salinan: list.filter((d) => kinds.get(d.permitId) === 'salinan').map((d) => d.permitId),
  };
}

/**
 * The print kinds as they are now, in the transaction that records the print: the certificates
 * were drawn before it, and a print recorded by someone else meanwhile would make them wrong
 * (an original twice, or a SALINAN before the original was confirmed). Then nothing is
 * recorded and the clerk prints again.
 */
async function checkDrawnKinds(ctx: CallContext, drawn: Map<string, PermitPrintKind>) {
  const permits = await ctx.db
    .selectFrom('permits')
    .select(['id', 'number', 'status', 'original_confirmed_at'])
    .where('id', 'in', [...drawn.keys()])
    .execute();
  const states = await printStates(ctx.db, permits);
  for (const p of permits) {
    const check = checkPrint(stateIn(states, p.id));
    if (!printable(p.status) || !check.ok || check.kind !== drawn.get(p.id)) {
      throw conflict({
        id: `${p.number ?? 'Surat izin'} baru saja dicetak atau diubah di tempat lain. Cetak sekali lagi.`,
        en: `${p.number ?? 'The permit'} was just printed or changed elsewhere. Print once more.`,
      });
    }
  }
}

export const printingMethods = {
  'permits.certificate': defineMethod({
    summary: 'PDF surat IUMK untuk dicetak: surat asli sampai petugas mengonfirmasi cetakan baik, sesudahnya SALINAN.',
    access: PRINT_ROLES,
    mutation: true,
    input: z.strictObject({ id: id({ id: 'Izin', en: 'Permit' }) }),
    // Drawn before the transaction (in the worker pool), which then records the print: a
    // certificate that was never delivered (failed, cancelled) is never counted.
    prepare: async (ctx, input) => {
      const { p, kind, data, render } = await ctx.read(async (db) => {
        const p = await loadPermit(db, input.id);
        if (!printable(p.status)) {
          throw conflict({
            id: `Surat izin hanya dapat dicetak untuk izin yang sudah terbit (status sekarang: ${permitStatusLabels[p.status].id}).`,
            en: `A permit certificate can be printed only for an issued permit (status now: ${permitStatusLabels[p.status].en}).`,
          });
        }
        const check = checkPrint(await printStateOf(db, p));
        if (!check.ok) throw conflict(check.message);
        const [data] = await loadCertificateData(db, [p.id]);
        requirePostalCodes([data]);
        return { p, kind: check.kind, data, render: await draw(db, [data], new Map([[p.id, check.kind]])) };
      });
      const pdf = await ctx.work(renderCertificatesTask, { list: [data], ...render });
      return { id: p.id, number: p.number, kind, base64: pdf.base64 };
    },
    handler: async (ctx, _input, printed) => {
      await checkDrawnKinds(ctx, new Map([[printed.id, printed.kind]]));
      const p = await loadPermit(ctx.db, printed.id);
      await ctx.db
        .updateTable('permits')
        .set({ copies_printed: p.copies_printed + 1 })
        .where('id', '=', p.id)
        .execute();
      await appendPrint(ctx, p.id, printed.kind, 'dicetak');
      await ctx.audit({
        entity: 'permit',
        entityId: p.id,
        before: { copiesPrinted: p.copies_printed },
        after: { copiesPrinted: p.copies_printed + 1, printed: p.number, kind: printed.kind, nikShown: true },
      });
      return {
        fileName: `IUMK-${(p.number ?? p.id).replace(/[^A-Za-z0-9]+/g, '-')}${printed.kind === 'salinan' ? '-SALINAN' : ''}.pdf`,
        mimeType: 'application/pdf' as const,
        base64: printed.base64,
        copy: printed.kind === 'salinan',
        kind: printed.kind,
      };
    },
  }),

  'permits.printResult': defineMethod({
    summary: 'Melaporkan hasil cetak terakhir: baik (surat asli dikonfirmasi, cetakan berikutnya SALINAN) atau gagal (cetak asli lagi).',
    access: PRINT_ROLES,
    mutation: true,
    input: z.strictObject({
      ids: label(
        z
          .array(id({ id: 'Izin', en: 'Permit' }))
          .min(1)
          .max(1000),
        { id: 'Izin', en: 'Permit' },
      ),
      good: label(z.boolean(), { id: 'Hasil cetak', en: 'Print result' }),
      note: optionalText({ id: 'Keterangan', en: 'Description' }, 300),
    }),
    handler: async (ctx, input) => {
      const permits = await ctx.db.selectFrom('permits').selectAll().where('id', 'in', input.ids).execute();
      if (permits.length !== new Set(input.ids).size) throw new AppError('not_found', { id: 'Izin tidak ditemukan.', en: 'Permit not found.' });
      const states = await printStates(ctx.db, permits);
      const results = [];
      for (const p of permits) {
        const state = stateIn(states, p.id);
        const check = checkReport(state, input.good);
        if (!check.ok) throw conflict({ id: `${p.number ?? 'Izin'}: ${check.message.id}`, en: `${p.number ?? 'Permit'}: ${check.message.en}` });
        const note = input.note ?? (input.good ? null : 'Cetak gagal (kertas macet atau hasil rusak)');
        await appendPrint(ctx, p.id, check.kind, input.good ? 'berhasil' : 'gagal', note);
        if (check.confirmsOriginal) {
          await ctx.db
            .updateTable('permits')
            .set({ original_confirmed_at: ctx.app.clock.nowIso(), original_confirmed_by: ctx.user?.id ?? null, updated_at: ctx.app.clock.nowIso() })
            .where('id', '=', p.id)
            .execute();
        }
        await ctx.audit({ entity: 'permit', entityId: p.id, after: { printReport: input.good ? 'berhasil' : 'gagal', kind: state.unreported, note } });
        results.push({ id: p.id, number: p.number, originalConfirmed: state.originalConfirmed || check.confirmsOriginal });
      }
      return { results };
    },
  }),

  'permits.certificateBatch': defineMethod({
    summary: 'Mencetak sekaligus surat IUMK yang terbit pada satu hari atau yang dipilih, dalam satu PDF (asli atau SALINAN per izin).',
    access: PRINT_ROLES,
    mutation: true,
    input: z
      .strictObject({
        issuedOn: isoDate({ id: 'Tanggal terbit', en: 'Issue date' }).nullish(),
        ids: label(
          z
            .array(id({ id: 'Izin', en: 'Permit' }))
            .min(1)
            .max(1000),
          { id: 'Izin yang dipilih', en: 'Chosen permits' },
        ).nullish(),
      })
      .refine((v) => Boolean(v.issuedOn) !== Boolean(v.ids), { message: 'pilih tanggal terbit atau daftar izin', path: ['issuedOn'] }),
    // As for one certificate: the batch is drawn in the worker pool (progress, Cancel) before
    // the transaction that records the prints.
    prepare: async (ctx, input) => {
      ctx.job.progress(0, 1, 'read');
      const { rows, kinds, data, render } = await ctx.read(async (db) => {
        let q = db.selectFrom('permits').select(['id', 'number', 'copies_printed', 'original_confirmed_at']).where('status', 'in', ['terbit', 'diserahkan']);
        q = input.issuedOn ? q.where('issued_on', '=', input.issuedOn) : q.where('id', 'in', input.ids ?? []);
        const rows = await q.orderBy('number_year').orderBy('number_seq').execute();
        if (rows.length === 0)
          throw badInput(input.issuedOn ? 'issuedOn' : 'ids', { id: 'Tidak ada izin terbit untuk dicetak.', en: 'No issued permit to print.' });
        const states = await printStates(db, rows);
        const kinds = new Map<string, PermitPrintKind>();
        const waiting: string[] = [];
        for (const r of rows) {
          const check = checkPrint(stateIn(states, r.id));
          if (check.ok) kinds.set(r.id, check.kind);
          else waiting.push(r.number ?? r.id);
        }
        if (waiting.length) {
          throw conflict({
            id: `Hasil cetak surat asli belum dilaporkan untuk ${waiting.join(', ')}. Laporkan dahulu di halaman izinnya (cetakan baik atau gagal), lalu cetak lagi.`,
            en: `The print result of the original is not reported yet for ${waiting.join(', ')}. Report it first on the permit's page (printed well or failed), then print again.`,
          });
        }
        const data = await loadCertificateData(
          db,
          rows.map((r) => r.id),
        );
        requirePostalCodes(data);
        return { rows, kinds, data, render: await draw(db, data, kinds) };
      });
      ctx.job.progress(0, data.length, 'render');
      const pdf = await ctx.work(renderCertificatesTask, { list: data, ...render });
      return { ids: rows.map((r) => r.id), kinds, pages: pdf.pages, base64: pdf.base64 };
    },
    handler: async (ctx, input, printed) => {
      await checkDrawnKinds(ctx, printed.kinds);
      for (let i = 0; i < printed.ids.length; i += 500) {
        await ctx.db
          .updateTable('permits')
          .set((eb) => ({ copies_printed: eb('copies_printed', '+', 1) }))
          .where('id', 'in', printed.ids.slice(i, i + 500))
          .execute();
      }
      for (const [id, kind] of printed.kinds) await appendPrint(ctx, id, kind, 'dicetak', 'Cetak bersama');
      await ctx.audit({
        entity: 'permit',
        entityId: null,
        after: { printedBatch: printed.ids.map((id) => ({ id, kind: printed.kinds.get(id) })), nikShown: true },
      });
      return {
        fileName: `IUMK-${input.issuedOn ?? 'pilihan'}.pdf`,
        mimeType: 'application/pdf' as const,
        base64: printed.base64,
        pages: printed.pages,
        ids: printed.ids,
        originals: [...printed.kinds.values()].filter((k) => k === 'asli').length,
      };
    },
  }),
};
