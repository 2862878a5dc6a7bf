import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER = 'Jakpreneur Desk';

/**
 * Where the office database lives when no --data-dir is given: the same folder Electron uses
 * as userData, so the desktop window and the office server of one PC share one database.
 */
export function defaultDataDir(): string {
  if (process.env.JPD_DATA_DIR) return process.env.JPD_DATA_DIR;
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER);
}
