import { describe, expect, it } from 'vitest';
import { checkUndo as checkUndoPhrases, UNDO_WINDOW_MINUTES } from '../../../src-main/features/orders/rules/undo';
import { orderStatusLabels } from '../../../src-main/features/orders/rules/transitions';
import { answeringIn } from '../../support/phrases';

// Read in Indonesian: the words these tests were written with.
const checkUndo = answeringIn(checkUndoPhrases);

const at = '2026-11-28T02:00:00.000Z';
const minutesLater = (m: number) => new Date(Date.parse(at) + m * 60_000).toISOString();
const move = (over: Partial<Parameters<typeof checkUndo>[0] & object> = {}) => ({
  fromStatus: 'dipesan' as const,
  toStatus: 'dikonfirmasi' as const,
  at,
  userId: 'u1',
  ...over,
});

describe('taking back an e-order move', () => {
  it('goes back to the former status for the one who made it, within the window', () => {
    expect(checkUndo(move(), 'dikonfirmasi', 'u1', minutesLater(UNDO_WINDOW_MINUTES), orderStatusLabels)).toEqual({ ok: true, back: 'dipesan' });
    expect(checkUndo(move({ fromStatus: 'dikirim', toStatus: 'ditolak' }), 'ditolak', 'u1', minutesLater(1), orderStatusLabels)).toEqual({
      ok: true,
      back: 'dikirim',
    });
  });
  it('refuses another user, a late undo, a move with consequences and a move that is not the last', () => {
    expect(checkUndo(move(), 'dikonfirmasi', 'u2', minutesLater(1), orderStatusLabels)).toMatchObject({
      ok: false,
      message: 'Hanya yang mencatat perpindahan ini yang dapat mengurungkannya.',
    });
    expect(checkUndo(move(), 'dikonfirmasi', 'u1', minutesLater(UNDO_WINDOW_MINUTES + 1), orderStatusLabels)).toMatchObject({
      ok: false,
      message: 'Perpindahan ini dicatat lebih dari 15 menit lalu; tidak dapat diurungkan lagi.',
    });
    expect(checkUndo(move({ fromStatus: 'dikirim', toStatus: 'diterima' }), 'diterima', 'u1', minutesLater(1), orderStatusLabels)).toMatchObject({
      ok: false,
      message: 'Perpindahan ke Diterima tidak dapat diurungkan; perbaiki melalui alur status.',
    });
    expect(checkUndo(move(), 'diproduksi', 'u1', minutesLater(1), orderStatusLabels)).toMatchObject({ ok: false });
    expect(checkUndo(undefined, 'dipesan', 'u1', minutesLater(1), orderStatusLabels)).toMatchObject({
      ok: false,
      message: 'Tidak ada perpindahan status yang dapat diurungkan.',
    });
  });
});
