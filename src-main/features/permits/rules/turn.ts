import type { PermitStatus } from './transitions';
import type { Phrase } from '../../../../src-shared/i18n';

/**
 * Whose move a permit waits for now, so that a permit page can say it plainly and a refused
 * move can say what to do instead. Derived from the status and the print state, never stored.
 */

export type TurnHolder = 'loket' | 'supervisor' | 'pemohon' | 'ajib' | null;
export type TurnAction = 'verify' | 'complete_file' | 'approve' | 'issue' | 'print' | 'report_print' | 'hand_over' | 'deliver' | 'done';

export interface Turn {
  holder: TurnHolder;
  action: TurnAction;
}

export interface TurnFacts {
  status: PermitStatus;
  /** The original certificate printed and confirmed good by the clerk. */
  originalConfirmed: boolean;
  /** An original was printed and the clerk has not yet said whether it came out well. */
  awaitingPrintReport: boolean;
  /** An AJIB delivery task is planned for the permit. */
  ajibDeliveryPlanned: boolean;
}

export function turnOf(f: TurnFacts): Turn {
  switch (f.status) {
    case 'diajukan':
      return { holder: 'loket', action: 'verify' };
    case 'perlu_perbaikan':
      return { holder: 'pemohon', action: 'complete_file' };
    case 'diverifikasi':
      return { holder: 'supervisor', action: 'approve' };
    case 'disetujui':
      return { holder: 'loket', action: 'issue' };
    case 'terbit':
      if (f.awaitingPrintReport) return { holder: 'loket', action: 'report_print' };
      if (!f.originalConfirmed) return { holder: 'loket', action: 'print' };
      return f.ajibDeliveryPlanned ? { holder: 'ajib', action: 'deliver' } : { holder: 'loket', action: 'hand_over' };
    default:
      return { holder: null, action: 'done' };
  }
}

const holderLabels: Record<Exclude<TurnHolder, null>, Phrase> = {
  loket: { id: 'petugas loket', en: 'the counter clerk' },
  supervisor: { id: 'supervisor', en: 'the supervisor' },
  pemohon: { id: 'pemohon', en: 'the applicant' },
  ajib: { id: 'petugas AJIB', en: 'the AJIB officer' },
};

const actionSentences: Record<TurnAction, Phrase> = {
  verify: { id: 'memeriksa berkas lalu memverifikasi, atau mengembalikannya untuk perbaikan', en: 'check the file and verify it, or return it for completion' },
  complete_file: { id: 'melengkapi berkas; setelah itu petugas loket mengajukannya kembali', en: 'complete the file; the counter clerk then submits it again' },
  approve: { id: 'menyetujui atau menolak permohonan', en: 'approve or refuse the application' },
  issue: { id: 'menerbitkan izin (nomor diberikan) dan mencetak surat izin', en: 'issue the permit (it gets its number) and print the certificate' },
  print: { id: 'mencetak surat izin asli', en: 'print the original certificate' },
  report_print: { id: 'melaporkan hasil cetak surat asli (baik atau gagal)', en: 'report how the original printed (well or failed)' },
  hand_over: { id: 'menyerahkan surat izin kepada pemohon', en: 'hand the certificate to the applicant' },
  deliver: { id: 'mengantar surat izin ke pemohon', en: 'deliver the certificate to the applicant' },
  done: { id: 'tidak ada: izin sudah selesai diproses', en: 'none: the permit is fully processed' },
};

/** "Giliran supervisor: menyetujui atau menolak permohonan." for server messages. */
export function turnSentence(turn: Turn): Phrase {
  if (!turn.holder) return { id: `Langkah berikutnya ${actionSentences.done.id}.`, en: `Next step: ${actionSentences.done.en}.` };
  return {
    id: `Giliran ${holderLabels[turn.holder].id}: ${actionSentences[turn.action].id}.`,
    en: `Waiting for ${holderLabels[turn.holder].en} to ${actionSentences[turn.action].en}.`,
  };
}
