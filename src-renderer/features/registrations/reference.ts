import { useEffect, useState } from 'react';
import { invoke } from '../../app/api';

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

// Fetched once per window: the office's kelurahan and the pendamping change rarely.
let cached: Promise<Reference> | null = null;

function load(): Promise<Reference> {
  cached ??= (async () => {
    const office = await invoke('office.get', {});
    const [kelurahans, pendampings] = await Promise.all([
      invoke('regions.list', { parent: office.kecamatanKode, level: 'kelurahan' }),
      invoke('users.pendamping', {}),
    ]);
    return { kelurahans: kelurahans.map((k) => ({ kode: k.kode, nama: k.nama })), pendampings, kecamatanNama: office.kecamatanNama };
  })().catch((e: unknown) => {
    cached = null;
    throw e;
  });
  return cached;
}

/** The office's kelurahan (for the forms and the list filter) and the active pendamping. */
export function useReference(): Reference {
  const [ref, setRef] = useState<Reference>({ kelurahans: [], pendampings: [], kecamatanNama: '' });
  useEffect(() => {
    let live = true;
    load().then(
      (r) => live && setRef(r),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return ref;
}

