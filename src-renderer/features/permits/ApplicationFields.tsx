import { useI18n } from '../../app/i18n';
import { CheckField, SelectField, TextField } from '../../components/Field';
import { Kbd, useShortcut } from '../../components/shortcuts';
import { CHANNELS } from './PermitList';

export interface ApplicationDraft {
  channel: string;
  category: string;
  categoryRef: string;
  locationType: string;
  floorAreaM2: string;
  plotAreaM2: string;
  atDesignatedLocation: boolean;
  zone: string;
  facility: string;
  note: string;
  requirements: string[];
}

export const emptyApplication = (): ApplicationDraft => ({
  channel: 'loket',
  category: 'non_binaan',
  categoryRef: '',
  locationType: 'menetap',
  floorAreaM2: '',
  plotAreaM2: '',
  atDesignatedLocation: false,
  zone: 'permukiman',
  facility: '',
  note: '',
  requirements: [],
});

export interface RequirementDef {
  code: string;
  label: string;
}

/**
 * "Semua persyaratan lengkap": one key (Alt+L) or one checkbox ticks every requirement of the
 * category; the single ones stay for a file that is not complete.
 */
export function RequirementChecklist({
  requirements,
  ticked,
  onChange,
  disabled,
  error,
}: {
  requirements: RequirementDef[];
  ticked: string[];
  onChange: (codes: string[]) => void;
  disabled?: boolean;
  error?: string;
}) {
  const { t } = useI18n();
  const all = requirements.length > 0 && requirements.every((r) => ticked.includes(r.code));
  const toggleAll = () => onChange(all ? [] : requirements.map((r) => r.code));
  const key = useShortcut('KeyL', t('permits.req.allShortcut'), toggleAll, !disabled);
  return (
    <div className="permits-reqs">
      <label className="check permits-reqs__all">
        <input type="checkbox" checked={all} disabled={disabled} onChange={toggleAll} aria-keyshortcuts={key} /> <strong>{t('permits.req.all')}</strong>{' '}
        {!disabled && <Kbd keys={key} />}
      </label>
      <div className="permits-reqs__list">
        {requirements.map((r) => (
          <CheckField
            key={r.code}
            label={r.label}
            checked={ticked.includes(r.code)}
            disabled={disabled}
            onChange={(e) => onChange(e.target.checked ? [...ticked, r.code] : ticked.filter((c) => c !== r.code))}
          />
        ))}
      </div>
      {error && <div className="field__error">{error}</div>}
    </div>
  );
}

export function ApplicationFields(props: {
  value: ApplicationDraft;
  set: <K extends keyof ApplicationDraft>(key: K, value: ApplicationDraft[K]) => void;
  zones: Record<string, string>;
  errorOf: (...paths: string[]) => string | undefined;
}) {
  const { t } = useI18n();
  const v = props.value;
  const floorRequired = v.locationType !== 'berkeliling';
  return (
    <>
      <fieldset>
        <legend>{t('permits.new.application')}</legend>
        <div className="grid3">
          <SelectField
            label={t('permits.field.channel')}
            value={v.channel}
            onChange={(e) => props.set('channel', e.target.value)}
            error={props.errorOf('channel')}
          >
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`permits.channel.${c}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('permits.field.category')}
            value={v.category}
            onChange={(e) => props.set('category', e.target.value)}
            error={props.errorOf('category')}
          >
            <option value="non_binaan">{t('permits.category.non_binaan')}</option>
            <option value="binaan">{t('permits.category.binaan')}</option>
          </SelectField>
          <TextField
            label={t(v.category === 'binaan' ? 'permits.field.categoryRef.binaan' : 'permits.field.categoryRef.non_binaan')}
            value={v.categoryRef}
            onChange={(e) => props.set('categoryRef', e.target.value)}
            error={props.errorOf('categoryRef')}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('permits.new.location')}</legend>
        <div className="grid3">
          <SelectField
            label={t('permits.field.locationType')}
            value={v.locationType}
            onChange={(e) => props.set('locationType', e.target.value)}
            error={props.errorOf('locationType')}
          >
            <option value="menetap">{t('permits.location.menetap')}</option>
            <option value="rumah">{t('permits.location.rumah')}</option>
            <option value="berkeliling">{t('permits.location.berkeliling')}</option>
          </SelectField>
          {floorRequired && (
            <div data-step="floorAreaM2" data-empty={v.floorAreaM2.trim() ? 'false' : 'true'}>
              <TextField
                label={t('permits.field.floorArea')}
                required
                value={v.floorAreaM2}
                onChange={(e) => props.set('floorAreaM2', e.target.value)}
                error={props.errorOf('floorAreaM2')}
                inputMode="decimal"
              />
            </div>
          )}
          {v.locationType === 'rumah' && (
            <TextField
              label={t('permits.field.plotArea')}
              value={v.plotAreaM2}
              onChange={(e) => props.set('plotAreaM2', e.target.value)}
              error={props.errorOf('plotAreaM2')}
              inputMode="decimal"
            />
          )}
          <SelectField label={t('permits.field.zone')} value={v.zone} onChange={(e) => props.set('zone', e.target.value)} error={props.errorOf('zone')}>
            {Object.entries(props.zones).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('permits.field.facility')}
            value={v.facility}
            onChange={(e) => props.set('facility', e.target.value)}
            error={props.errorOf('facility')}
            placeholder="Kios, gerobak, rumah tinggal…"
          />
        </div>
        {v.locationType === 'berkeliling' && (
          <>
            <CheckField
              label={t('permits.field.designated')}
              checked={v.atDesignatedLocation}
              onChange={(e) => props.set('atDesignatedLocation', e.target.checked)}
            />
            {props.errorOf('atDesignatedLocation') && <div className="field__error">{props.errorOf('atDesignatedLocation')}</div>}
          </>
        )}
      </fieldset>
    </>
  );
}
