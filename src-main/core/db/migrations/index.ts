import type { Kysely } from 'kysely';
import * as m0001 from './0001_foundation';
import * as m0002 from './0002_registrations';

export interface Migration {
  name: string;
  up(db: Kysely<any>): Promise<void>;
}

// Ordered and bundled with the app: no directory scanning at run time. Append only.
export const migrations: readonly Migration[] = [
  { name: '0001_foundation', up: m0001.up },
  { name: '0002_registrations', up: m0002.up },
];
