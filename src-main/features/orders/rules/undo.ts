import type { Phrase } from '../../../../src-shared/i18n';
import type { OrderStatus } from './transitions';

/**
 * Which e-order moves can be taken back, and for how long. A move is undone only when it is the
 * assignment's last, made by the same user a short while ago, and nothing depends on it yet:
 * confirming, starting production, sending and a refusal by the business only change the
 * status. A delivery (BAST date, the member's P5), a payment, closing and cancelling have
 * consequences beyond the status and are corrected through the workflow instead.
 */
export const UNDO_WINDOW_MINUTES = 15;
export const UNDOABLE_MOVES: readonly OrderStatus[] = ['dikonfirmasi', 'diproduksi', 'dikirim', 'ditolak'];

export interface LastMove {
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus;
  at: string;
  userId: string | null;
}

export type UndoCheck = { ok: true; back: OrderStatus } | { ok: false; message: Phrase };

export function checkUndo(
  last: LastMove | undefined,
  current: OrderStatus,
  userId: string,
  nowIso: string,
  labels: Readonly<Record<OrderStatus, Phrase>>,
): UndoCheck {
  if (!last?.fromStatus || last.toStatus !== current)
    return { ok: false, message: { id: 'Tidak ada perpindahan status yang dapat diurungkan.', en: 'There is no status change to undo.' } };
  if (!UNDOABLE_MOVES.includes(last.toStatus))
    return {
      ok: false,
      message: {
        id: `Perpindahan ke ${labels[last.toStatus].id} tidak dapat diurungkan; perbaiki melalui alur status.`,
        en: `A move to ${labels[last.toStatus].en} cannot be undone; correct it through the workflow.`,
      },
    };
  if (last.userId !== userId)
    return {
      ok: false,
      message: { id: 'Hanya yang mencatat perpindahan ini yang dapat mengurungkannya.', en: 'Only the person who recorded this move can undo it.' },
    };
  const minutes = (Date.parse(nowIso) - Date.parse(last.at)) / 60_000;
  if (minutes > UNDO_WINDOW_MINUTES) {
    return {
      ok: false,
      message: {
        id: `Perpindahan ini dicatat lebih dari ${UNDO_WINDOW_MINUTES} menit lalu; tidak dapat diurungkan lagi.`,
        en: `This move was recorded more than ${UNDO_WINDOW_MINUTES} minutes ago; it can no longer be undone.`,
      },
    };
  }
  return { ok: true, back: last.fromStatus };
}
