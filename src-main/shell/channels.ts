// Shared by the main process and the preload; no electron import so the preload bundle
// stays small and the names stay in one place.
export const channels = {
  invoke: 'api:invoke',
  printPdf: 'desktop:print-pdf',
  printDocument: 'desktop:print-document',
  savePdf: 'desktop:save-pdf',
} as const;

export type Channel = (typeof channels)[keyof typeof channels];
