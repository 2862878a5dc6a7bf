import type { Clock } from './clock';
import type { IdGenerator } from './ids';
import type { ScryptCost } from './auth/passwords';
import type { BackupInfo } from './backup';

/** Everything a handler needs besides the database, chosen once at the composition root. */
export interface AppServices {
  clock: Clock;
  newId: IdGenerator;
  dataDir: string;
  version: string;
  security: SecuritySettings;
  backups: {
    create(reason?: string): Promise<BackupInfo>;
    list(): BackupInfo[];
  };
}

export interface SecuritySettings {
  passwordCost: ScryptCost;
  /** Minutes without activity after which a session ends. */
  sessionIdleMinutes: number;
  /** Hours after login at which a session ends however active it is. */
  sessionMaxHours: number;
  /** Failed logins in a row that lock an account, and for how long. */
  maxFailedLogins: number;
  lockoutMinutes: number;
}
