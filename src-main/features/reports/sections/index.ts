import type { ReportScope, ReportSection } from '../model';
import type { Db } from './common';
import { ordersSection } from './orders';
import { permitsSection } from './permits';
import { financingSection, trainingsSection, turnoverSection } from './programme';
import { recoverySection } from './recovery';
import { registrationsSection } from './registrations';
import { stagesSection } from './stages';

export type SectionProvider = (db: Db, scope: ReportScope) => Promise<ReportSection>;

// The monthly summary's sections, in the order they are printed. A feature adds its own here.
export const sectionProviders: SectionProvider[] = [
  registrationsSection,
  stagesSection,
  trainingsSection,
  turnoverSection,
  permitsSection,
  ordersSection,
  financingSection,
  recoverySection,
];
