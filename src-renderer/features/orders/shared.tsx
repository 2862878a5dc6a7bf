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

export interface PdfFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

/**
 * A document from the server: in the desktop app the PDF viewer opens it for printing; in a
 * browser it downloads, to be opened and printed from there.
 */
export async function deliverPdf(file: PdfFile): Promise<void> {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  if (window.desktop) {
    await window.desktop.printPdf(bytes, file.fileName);
    return;
  }
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Today in WIB as 'YYYY-MM-DD' (the office's calendar). */
export function todayWib(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
