import type { App } from '../app';
import type { BenchLine } from './measure';
import { registrationsBench, registrationsImportBench, registrationsWriteBench } from '../features/registrations/bench';
import { programmeBench } from '../features/programme/bench';
import { permitsBench } from '../features/permits/bench';
import { counterBench } from '../features/permits/bench-counter';
import { ordersBench } from '../features/orders/bench';
import { reportsBench } from '../features/reports/bench';
import { loadSuite } from './load';

export interface BenchContext {
  app: App;
  /** Session tokens of the demo accounts, to call methods through the API like a user. */
  tokens: Record<'admin' | 'supervisor' | 'petugas' | 'loket', string>;
  log(line: string): void;
}

/** A feature's benchmark: measures its hot paths against a baseline in the same process. */
export type BenchSuite = (ctx: BenchContext) => Promise<BenchLine[]>;

// Each feature adds its suite here.
export const benchSuites: { name: string; run: BenchSuite }[] = [
  { name: 'Pendaftaran: daftar dan pencarian (200.000 anggota)', run: registrationsBench },
  { name: 'Pendaftaran: pendaftaran per detik', run: registrationsWriteBench },
  { name: 'Pendaftaran: impor 10.000 baris', run: registrationsImportBench },
  { name: 'Program 7P', run: programmeBench },
  { name: 'Perizinan IUMK (surat izin PDF)', run: permitsBench },
  { name: 'Perizinan di loket: langkah demi langkah (200.000 anggota)', run: counterBench },
  { name: 'e-order', run: ordersBench },
  { name: 'Laporan bulanan', run: reportsBench },
  { name: 'Beban: satu panggilan lambat tidak membekukan kantor', run: loadSuite },
];
