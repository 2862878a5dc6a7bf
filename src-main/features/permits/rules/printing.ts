import type { Phrase } from '../../../../src-shared/i18n';
import type { PermitPrintEvent, PermitPrintKind } from '../tables';

/**
 * The original and its copies. The first print of a certificate is the original. A print can
 * fail (paper jam, empty toner): the clerk reports it and prints the original again, and both
 * stay in the log. Only once the clerk confirms that an original came out well do later prints
 * carry SALINAN: a copy is never mistaken for the original, and a failed original never makes
 * the next one a copy.
 */

export interface PrintLogEntry {
  kind: PermitPrintKind;
  event: PermitPrintEvent;
}

export interface PrintState {
  originalConfirmed: boolean;
  /** The last print was an original and the clerk has not said how it came out. */
  awaitingReport: boolean;
  /** What the next print will be. */
  nextKind: PermitPrintKind;
  /** The last print (original or copy) that has no report yet, if any. */
  unreported: PermitPrintKind | null;
  printsMade: number;
}

/** The print state from the log in time order, and the confirmation stored on the permit. */
export function printState(log: readonly PrintLogEntry[], confirmedAt: string | null): PrintState {
  let unreported: PermitPrintKind | null = null;
  let confirmed = confirmedAt !== null;
  let printsMade = 0;
  for (const e of log) {
    if (e.event === 'dicetak') {
      unreported = e.kind;
      printsMade++;
    } else {
      if (e.event === 'berhasil' && unreported === 'asli') confirmed = true;
      unreported = null;
    }
  }
  return {
    originalConfirmed: confirmed,
    awaitingReport: !confirmed && unreported === 'asli',
    nextKind: confirmed ? 'salinan' : 'asli',
    unreported,
    printsMade,
  };
}

export type PrintCheck = { ok: true; kind: PermitPrintKind } | { ok: false; message: Phrase };

/** Whether a certificate may be printed now, and as what. */
export function checkPrint(state: PrintState): PrintCheck {
  if (state.awaitingReport) {
    return {
      ok: false,
      message: {
        id:
          'Hasil cetak surat asli sebelumnya belum dilaporkan. Pilih "Baik" bila surat asli sudah tercetak dengan baik, ' +
          'atau "Cetak gagal" bila kertas macet atau hasilnya rusak; setelah itu surat dapat dicetak lagi.',
        en: 'How the last original printed is not reported yet. Choose "Good" if it printed well, or "Print failed" if the paper jammed or it came out damaged; the certificate can then be printed again.',
      },
    };
  }
  return { ok: true, kind: state.nextKind };
}

/** `kind` is the print whose outcome is reported. */
export type ReportCheck = { ok: true; kind: PermitPrintKind; confirmsOriginal: boolean } | { ok: false; message: Phrase };

/** Whether the clerk may report the outcome of the last print now. */
export function checkReport(state: PrintState, good: boolean): ReportCheck {
  if (state.unreported === null) {
    return {
      ok: false,
      message:
        state.printsMade === 0
          ? {
              id: 'Surat izin belum pernah dicetak: cetak dahulu, lalu laporkan hasilnya.',
              en: 'The certificate has never been printed: print it first, then report the result.',
            }
          : {
              id: 'Hasil cetak terakhir sudah dilaporkan. Cetak lagi bila perlu, lalu laporkan hasilnya.',
              en: 'The last print is already reported. Print again if needed, then report the result.',
            },
    };
  }
  return { ok: true, kind: state.unreported, confirmsOriginal: good && state.unreported === 'asli' };
}
