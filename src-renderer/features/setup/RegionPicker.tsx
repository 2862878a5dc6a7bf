import { useApiQuery } from '../../app/data';
import { useI18n } from '../../app/i18n';
import { SelectField } from '../../components/Field';
import { Notice } from '../../components/Notice';

/** Kota then kecamatan, from the official DKI Jakarta list. */
export function RegionPicker(props: {
  kotaKode: string;
  kecamatanKode: string;
  onChange: (kotaKode: string, kecamatanKode: string, kecamatanNama: string, kotaNama: string) => void;
  errors: { kota?: string; kecamatan?: string };
}) {
  const { t } = useI18n();
  const kotaQuery = useApiQuery('regions.list', { level: 'kota' });
  const kecamatanQuery = useApiQuery('regions.list', { parent: props.kotaKode, level: 'kecamatan' }, { enabled: !!props.kotaKode });
  const kotas = kotaQuery.data ?? [];
  const kecamatans = props.kotaKode ? (kecamatanQuery.data ?? []) : [];
  const kotaNama = (kode: string) => kotas.find((k) => k.kode === kode)?.nama ?? '';
  return (
    <div className="grid2">
      <Notice kind="error">{kotaQuery.error ?? kecamatanQuery.error}</Notice>
      <SelectField
        label={t('office.kota')}
        required
        value={props.kotaKode}
        error={props.errors.kota}
        onChange={(e) => props.onChange(e.target.value, '', '', kotaNama(e.target.value))}
      >
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
        onChange={(e) =>
          props.onChange(props.kotaKode, e.target.value, kecamatans.find((k) => k.kode === e.target.value)?.nama ?? '', kotaNama(props.kotaKode))
        }
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
