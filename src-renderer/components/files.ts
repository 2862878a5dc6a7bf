// Files that travel between the renderer and the API as base64: PDFs to print or save,
// spreadsheets to download, chosen files to upload. One place for all screens.

export interface Base64File {
  fileName: string;
  mimeType: string;
  base64: string;
}

export function bytesOf(file: Pick<Base64File, 'base64'>): Uint8Array<ArrayBuffer> {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function saveUrl(url: string, fileName: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Saves the file through a download link (XLSX, CSV, reports). */
export function downloadFile(file: Base64File) {
  const url = URL.createObjectURL(new Blob([bytesOf(file)], { type: file.mimeType }));
  saveUrl(url, file.fileName);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadText(text: string, fileName: string, mimeType = 'text/plain') {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  saveUrl(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A PDF to print: in the desktop app the system's PDF viewer opens it for printing; in a browser
 * it downloads (pop-up blockers cannot stop a download, and every browser can print it from there).
 */
export async function printPdf(file: Base64File): Promise<void> {
  if (window.desktop) {
    await window.desktop.printPdf(bytesOf(file), file.fileName);
    return;
  }
  downloadFile({ ...file, mimeType: 'application/pdf' });
}

/** Reads a chosen file as base64 (without the data: prefix). */
export function readFileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve((reader.result as string).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('Berkas tidak dapat dibaca.'));
    reader.readAsDataURL(file);
  });
}

export interface PrintOutcome {
  /** true: printed; false: the print dialog was closed without printing; null: unknown (browsers do not say). */
  printed: boolean | null;
}

let printFrame: HTMLIFrameElement | null = null;
let printUrl: string | null = null;

/**
 * Opens the system print dialog with a PDF, in place: no download for the clerk to find.
 * In the desktop app the main process prints it through webContents printing; in a browser the
 * PDF goes into a hidden frame whose print() opens the browser's print dialog. The frame stays
 * until the next print (printing continues after print() returns in some browsers).
 */
export async function printInPlace(file: Base64File): Promise<PrintOutcome> {
  if (window.desktop) return window.desktop.printDocument(bytesOf(file), file.fileName);
  printFrame?.remove();
  if (printUrl) URL.revokeObjectURL(printUrl);
  printUrl = URL.createObjectURL(new Blob([bytesOf(file)], { type: 'application/pdf' }));
  const frame = document.createElement('iframe');
  frame.className = 'print-frame';
  frame.title = file.fileName;
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.dataset.printFrame = file.fileName;
  frame.addEventListener('load', () => {
    try {
      frame.contentWindow?.focus();
      frame.contentWindow?.print();
      frame.dataset.printRequested = 'true';
    } catch {
      // A browser that will not print a PDF frame offers its own viewer instead.
      window.open(printUrl ?? '', '_blank', 'noopener');
    }
  });
  frame.src = printUrl;
  document.body.appendChild(frame);
  printFrame = frame;
  return { printed: null };
}
