import { useEffect, useState } from 'react';
import { invoke, type Output } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { SelectField } from '../../components/Field';

type Region = Output<'regions.list'>[number];

/** Kota then kecamatan, from the official DKI Jakarta list. */
export function RegionPicker(props: {
  kotaKode: string;
  kecamatanKode: string;
  onChange(kotaKode: string, kecamatanKode: string, kecamatanNama: string, kotaNama: string): void;
  errors: { kota?: string; kecamatan?: string };
}) {
  const { t } = useI18n();
  const [kotas, setKotas] = useState<Region[]>([]);
  const [kecamatans, setKecamatans] = useState<Region[]>([]);
  useEffect(() => {
    invoke('regions.list', { level: 'kota' }).then(setKotas, () => setKotas([]));
  }, []);
  useEffect(() => {
    if (!props.kotaKode) return setKecamatans([]);
    invoke('regions.list', { parent: props.kotaKode, level: 'kecamatan' }).then(setKecamatans, () => setKecamatans([]));
  }, [props.kotaKode]);
  const kotaNama = (kode: string) => kotas.find((k) => k.kode === kode)?.nama ?? '';
  return (
    <div className="grid2">
      <SelectField label={t('office.kota')} required value={props.kotaKode} error={props.errors.kota} onChange={(e) => props.onChange(e.target.value, '', '', kotaNama(e.target.value))}>
        <option value="">{t('office.choose')}</option>
        {kotas.map((k) => (
          <option key={k.kode} value={k.kode}>
            {k.nama} ({k.kode})
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('office.kecamatan')}
        required
        value={props.kecamatanKode}
        error={props.errors.kecamatan}
        disabled={!props.kotaKode}
        onChange={(e) => props.onChange(props.kotaKode, e.target.value, kecamatans.find((k) => k.kode === e.target.value)?.nama ?? '', kotaNama(props.kotaKode))}
      >
        <option value="">{t('office.choose')}</option>
        {kecamatans.map((k) => (
          <option key={k.kode} value={k.kode}>
            {k.nama} ({k.kode})
          </option>
        ))}
      </SelectField>
    </div>
  );
}
