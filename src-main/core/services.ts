import type { Clock } from './clock';
import type { IdGenerator } from './ids';
import type { ScryptCost } from './auth/passwords';
import type { ThrottleSettings } from './auth/throttle';
import type { BackupInfo, BackupKind } from './backup';
import type { SessionUser } from './api/registry';
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
    create(options?: { kind?: BackupKind; passphrase?: string }): Promise<BackupInfo>;
    list(): BackupInfo[];
    /**
     * Replaces the office database with a checked backup (core/restore.ts), after backing up the
     * current one; `fromCall` when an API call asks (it is waited for like the others are not).
     */
    restore(
      source: string,
      options: {
        passphrase?: string;
        user: SessionUser | null;
        fromCall: boolean;
        allowOtherOffice?: boolean;
        /** Runs once the backup has passed its checks, on the outgoing database (to audit the restore there too). */
        beforeSwap?: () => Promise<void>;
      },
    ): Promise<RestoreResult>;
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
  /** Hours after login at which a session ends however active it is. */
  sessionMaxHours: number;
  /** Throttling of wrong passwords per account and client address (auth/throttle.ts). */
  throttle: ThrottleSettings;
}

export interface RestoreResult {
  restoredFrom: string;
  /** The backup of the database as it was just before the restore. */
  previous: BackupInfo;
  schemaVersion: number;
  auditEntries: number;
}
