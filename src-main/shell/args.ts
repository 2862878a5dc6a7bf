import { resolve } from 'node:path';

/**
 * The folder given with `--data-dir DIR` (or `--data-dir=DIR`), made absolute, or null when
 * absent. A flag without a folder is an error: silently falling back to the default folder
 * would open a different office database than the one asked for.
 */
export function parseDataDir(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    let value: string | undefined;
    if (arg === '--data-dir') value = argv[i + 1];
    else if (arg.startsWith('--data-dir=')) value = arg.slice('--data-dir='.length);
    else continue;
    if (!value || value.startsWith('--')) throw new Error('Opsi --data-dir memerlukan nama folder data.');
    return resolve(value);
  }
  return null;
}
