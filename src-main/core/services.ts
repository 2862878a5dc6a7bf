import type { Clock } from './clock';
import type { IdGenerator } from './ids';
import type { ScryptCost } from './auth/passwords';
import type { BackupInfo } from './backup';
import type { Jobs } from './api/jobs';
import type { WorkPool } from './work/pool';

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
  /** Worker threads for CPU-heavy pure work; methods reach it through `ctx.work` outside the transaction. */
  work: WorkPool;
  /** Long calls running now, for their progress and Cancel. */
  jobs: Jobs;
}

export interface SecuritySettings {
  passwordCost: ScryptCost;
  /** Minutes without activity after which a session ends. */
  sessionIdleMinutes: number;
  /** Failed logins in a row that lock an account, and for how long. */
  maxFailedLogins: number;
  lockoutMinutes: number;
}
