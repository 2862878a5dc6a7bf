import { useApiQuery } from '../../app/data';

// The value lists of the registration screens, in the order the office reads them. Labels come
// from the messages (reg.tg.*, reg.skpd.*, ...).
export const TARGET_GROUPS = ['pemula', 'naik_kelas', 'pencari_kerja', 'keluarga_miskin', 'disabilitas'] as const;
export const SKPDS = ['ppkukm_ukm', 'ppkukm_ikm', 'sosial', 'parekraf', 'nakertransgi', 'ppapp', 'kpkp'] as const;
export const LEGAL_FORMS = ['perorangan', 'cv', 'firma', 'koperasi', 'pt', 'pt_perorangan', 'lainnya'] as const;
export const SCALES = ['mikro', 'kecil', 'menengah', 'besar'] as const;
export const PLACE_STATUSES = ['milik', 'sewa', 'pinjam'] as const;
export const HALAL_STATUSES = ['belum', 'proses', 'bersertifikat'] as const;
export const PIRT_STATUSES = ['belum', 'proses', 'terdaftar'] as const;
export const EDUCATIONS = ['tidak_sekolah', 'sd', 'smp', 'sma', 'diploma', 's1', 's2', 's3'] as const;
export const STAGE_CODES = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7'] as const;

export type TargetGroup = (typeof TARGET_GROUPS)[number];
export type Skpd = (typeof SKPDS)[number];
export type LegalForm = (typeof LEGAL_FORMS)[number];

export interface Kelurahan {
  kode: string;
  nama: string;
}
export interface Pendamping {
  id: string;
  fullName: string;
}

interface Reference {
  kelurahans: Kelurahan[];
  pendampings: Pendamping[];
  kecamatanNama: string;
}

/** The office's kelurahan (for the forms and the list filter) and the active pendamping. */
export function useReference(): Reference & { error: string | null } {
  // The data layer caches these for the window: the office's kelurahan and the pendamping
  // change rarely, and a change through the app refreshes them.
  const office = useApiQuery('office.get', {});
  const kelurahans = useApiQuery('regions.list', { parent: office.data?.kecamatanKode ?? '', level: 'kelurahan' }, { enabled: !!office.data });
  const pendampings = useApiQuery('users.pendamping', {});
  return {
    kelurahans: (kelurahans.data ?? []).map((k) => ({ kode: k.kode, nama: k.nama })),
    pendampings: pendampings.data ?? [],
    kecamatanNama: office.data?.kecamatanNama ?? '',
    error: office.error ?? kelurahans.error ?? pendampings.error,
  };
}
