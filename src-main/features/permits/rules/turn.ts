import type { PermitStatus } from './transitions';

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

const holderLabels: Record<Exclude<TurnHolder, null>, string> = {
  loket: 'petugas loket',
  supervisor: 'supervisor',
  pemohon: 'pemohon',
  ajib: 'petugas AJIB',
};

const actionSentences: Record<TurnAction, string> = {
  verify: 'memeriksa berkas lalu memverifikasi, atau mengembalikannya untuk perbaikan',
  complete_file: 'melengkapi berkas; setelah itu petugas loket mengajukannya kembali',
  approve: 'menyetujui atau menolak permohonan',
  issue: 'menerbitkan izin (nomor diberikan) dan mencetak surat izin',
  print: 'mencetak surat izin asli',
  report_print: 'melaporkan hasil cetak surat asli (baik atau gagal)',
  hand_over: 'menyerahkan surat izin kepada pemohon',
  deliver: 'mengantar surat izin ke pemohon',
  done: 'tidak ada: izin sudah selesai diproses',
};

/** "Giliran supervisor: menyetujui atau menolak permohonan." for server messages (Indonesian). */
export function turnSentence(turn: Turn): string {
  if (!turn.holder) return `Langkah berikutnya ${actionSentences.done}.`;
  return `Giliran ${holderLabels[turn.holder]}: ${actionSentences[turn.action]}.`;
}
