import type { MessageKey } from '../../app/i18n';
import { useI18n } from '../../app/i18n';

export const STAGES = ['baru', 'dipesan', 'dikonfirmasi', 'diproduksi', 'dikirim', 'diterima', 'dibayar', 'selesai', 'ditolak', 'dibatalkan'] as const;
export type Stage = (typeof STAGES)[number];

export function stageKey(stage: string): MessageKey {
  return (stage === 'baru' ? 'orders.stage.baru' : `orders.status.${stage}`) as MessageKey;
}

const tone: Record<string, string> = {
  baru: 'warning',
  dipesan: 'info',
  dikonfirmasi: 'info',
  diproduksi: 'info',
  dikirim: 'info',
  diterima: 'success',
  dibayar: 'success',
  selesai: 'muted',
  ditolak: 'warning',
  dibatalkan: 'muted',
};

export function StageBadge({ stage }: { stage: string }) {
  const { t } = useI18n();
  return <span className={`badge badge--${tone[stage] ?? 'muted'} orders-badge`}>{t(stageKey(stage))}</span>;
}

/**
 * A document from the server: in the desktop app the PDF viewer opens it for printing; in a
 * browser it downloads, to be opened and printed from there.
 */
