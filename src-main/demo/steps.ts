import type { App } from '../app';
import type { Role } from '../core/db/schema';
import type { Rng } from './random';
import { registrationsDemo } from '../features/registrations/demo';
import { permitsDemo } from '../features/permits/demo';
import { programmeDemo } from '../features/programme/demo';
import { ordersDemo } from '../features/orders/demo';
import { reportsDemo } from '../features/reports/demo';

export interface DemoContext {
  app: App;
  /** A session token per demo account role. */
  tokens: Record<Role, string>;
  /** How many members to create (--members). */
  members: number;
  rng: Rng;
  /** The demo's "today", 'YYYY-MM-DD' (WIB). */
  today: string;
  log(line: string): void;
}

/** A feature's contribution to the demo office; runs once, after the office and accounts exist. */
export type DemoStep = (ctx: DemoContext) => Promise<void>;

// Each feature adds its step here, in dependency order (members before permits and orders).
export const demoSteps: { name: string; run: DemoStep }[] = [
  { name: 'registrations', run: registrationsDemo },
  { name: 'permits', run: permitsDemo },
  { name: 'programme', run: programmeDemo },
  { name: 'orders', run: ordersDemo },
  // Last: the month closed is the one the steps above filled.
  { name: 'reports', run: reportsDemo },
];
