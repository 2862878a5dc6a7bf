import type { Kysely } from 'kysely';
import * as m0001 from './0001_foundation';
import * as m0002 from './0002_registrations';
import * as m0003 from './0003_permits';
import * as m0004 from './0004_programme';
import * as m0005 from './0005_orders';
import * as m0006 from './0006_large_office_indexes';
import * as m0007 from './0007_counter';
import * as m0008 from './0008_audited_documents';
import * as m0009 from './0009_security';
import * as m0010 from './0010_name_search_order';

export interface Migration {
  name: string;
  up(db: Kysely<any>): Promise<void>;
}

// Ordered and bundled with the app: no directory scanning at run time. Append only.
export const migrations: readonly Migration[] = [
  { name: '0001_foundation', up: m0001.up },
  { name: '0002_registrations', up: m0002.up },
  { name: '0003_permits', up: m0003.up },
  { name: '0004_programme', up: m0004.up },
  { name: '0005_orders', up: m0005.up },
  { name: '0006_large_office_indexes', up: m0006.up },
  { name: '0007_counter', up: m0007.up },
  { name: '0008_audited_documents', up: m0008.up },
  { name: '0009_security', up: m0009.up },
  { name: '0010_name_search_order', up: m0010.up },
];
