import type { Kysely } from 'kysely';
import * as m0001 from './0001_foundation';

export interface Migration {
  name: string;
  up(db: Kysely<any>): Promise<void>;
}

// Ordered and bundled with the app: no directory scanning at run time. Append only.
export const migrations: readonly Migration[] = [{ name: '0001_foundation', up: m0001.up }];
