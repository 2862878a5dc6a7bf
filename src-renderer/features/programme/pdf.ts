// A PDF from the API (base64) handed to the desktop's print dialog, or downloaded in a browser.
export async function deliverPdf(file: { fileName: string; base64: string }): Promise<void> {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  if (window.desktop) {
    await window.desktop.printPdf(bytes, file.fileName);
    return;
  }
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** '1.500.000' or '1500000' -> 1500000; '' -> null; anything else -> NaN. */
export function parseAmount(text: string): number | null {
  const clean = text.replace(/[.\s]/g, '').replace(/^Rp/i, '');
  if (clean === '') return null;
  return /^-?\d+$/.test(clean) ? Number(clean) : Number.NaN;
}

export const groupDigits = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.'));
