/** A PDF the server returned as base64: printed through the desktop app, opened or downloaded in a browser. */
export interface PdfFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

export function bytesOf(file: PdfFile): Uint8Array {
  return Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
}

export async function openPdf(file: PdfFile): Promise<void> {
  const bytes = bytesOf(file);
  if (window.desktop) {
    await window.desktop.printPdf(bytes, file.fileName);
    return;
  }
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: file.mimeType }));
  const tab = window.open(url, '_blank');
  if (!tab) downloadUrl(url, file.fileName);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadText(text: string, fileName: string, mimeType = 'text/plain') {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  downloadUrl(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function downloadUrl(url: string, fileName: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Reads a chosen file as base64 (without the data: prefix). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Today in Jakarta as YYYY-MM-DD. */
export function jakartaToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
