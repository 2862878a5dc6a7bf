import { readFileSync } from 'node:fs';
import { resourcePath } from '../resources.js';

/** Font names every document uses; registered by createPdfDocument. */
export const FONT = {
  sans: 'sans',
  sansBold: 'sans-bold',
  serif: 'serif',
  serifBold: 'serif-bold',
} as const;

export type FontName = (typeof FONT)[keyof typeof FONT];

const FONT_FILES: Record<FontName, string> = {
  sans: 'DejaVuSans.ttf',
  'sans-bold': 'DejaVuSans-Bold.ttf',
  serif: 'DejaVuSerif.ttf',
  'serif-bold': 'DejaVuSerif-Bold.ttf',
};

export function fontPath(name: FontName): string {
  return resourcePath('fonts', FONT_FILES[name]);
}

// Batch printing creates many documents; read each font file once per process.
const fontBytes = new Map<FontName, Buffer>();

export function fontData(name: FontName): Buffer {
  let bytes = fontBytes.get(name);
  if (!bytes) {
    bytes = readFileSync(fontPath(name));
    fontBytes.set(name, bytes);
  }
  return bytes;
}
