import { useMemo } from 'react';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { SelectField, TextField, TextAreaField, CheckField } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { Notice } from '../../components/Notice';
import { displayScale, nikDisagreements, readNik } from './display';
import { jakartaToday } from '../../app/format';
import { KbliCombobox, MoneyField } from './inputs';
import { KelurahanPicker } from '../../components/KelurahanPicker';
import { EDUCATIONS, HALAL_STATUSES, LEGAL_FORMS, PIRT_STATUSES, PLACE_STATUSES, SKPDS, TARGET_GROUPS, useReference, type Kelurahan } from './reference';

export interface BusinessDraft {
  id?: string;
  name: string;
  legalForm: string;
  kbli: { kode: string; judul: string } | null;
  products: string;
  sameAddress: boolean;
  addressStreet: string;
  kelurahanKode: string;
  postalCode: string;
  phone: string;
  startDate: string;
  placeStatus: string;
  capital: number | null;
  monthlyTurnover: number | null;
  employees: string;
  npwp: string;
  nib: string;
  halalStatus: string;
  pirtStatus: string;
  /** Only for a stored business (aktif/tutup). */
  status?: string;
}

export interface MemberDraft {
  nik: string;
  kk: string;
  fullName: string;
  birthPlace: string;
  birthDate: string;
  gender: string;
  education: string;
  addressStreet: string;
  rt: string;
  rw: string;
  kelurahanKode: string;
  phone: string;
  email: string;
  targetGroup: string;
  skpd: string;
  pendampingId: string;
  /** Only when editing (aktif/nonaktif). */
  status?: string;
  businesses: BusinessDraft[];
}

export const emptyBusiness = (): BusinessDraft => ({
  name: '',
  legalForm: 'perorangan',
  kbli: null,
  products: '',
  sameAddress: true,
  addressStreet: '',
  kelurahanKode: '',
  postalCode: '',
  phone: '',
  startDate: '',
  placeStatus: '',
  capital: null,
  monthlyTurnover: null,
  employees: '0',
  npwp: '',
  nib: '',
  halalStatus: 'belum',
  pirtStatus: 'belum',
});

export const emptyMember = (): MemberDraft => ({
  nik: '',
  kk: '',
  fullName: '',
  birthPlace: '',
  birthDate: '',
  gender: '',
  education: '',
  addressStreet: '',
  rt: '',
  rw: '',
  kelurahanKode: '',
  phone: '',
  email: '',
  targetGroup: '',
  skpd: '',
  pendampingId: '',
  businesses: [emptyBusiness()],
});

export interface FormErrors {
  errorOf: (...paths: string[]) => string | undefined;
}

/**
 * The person and business fields of the registration and edit forms. Keyboard order follows
 * the KTP (NIK first), then the interview (address, programme), then each business.
 */
export function MemberFields(props: {
  value: MemberDraft;
  onChange: (next: MemberDraft, changedPath: string) => void;
  errors: FormErrors;
  nikNote?: React.ReactNode;
  editing: boolean;
  /** When editing: the stored NIK and KK, masked; an empty field keeps them. */
  maskedNik?: string;
  maskedKk?: string;
  /** The scale class the server gave each business, by index, when known. */
  serverScales?: (string | undefined)[];
}) {
  const { t, locale } = useI18n();
  const ref = useReference();
  const v = props.value;
  const today = useMemo(() => jakartaToday(), []);
  const reading = readNik(v.nik, today);
  const disagree = reading?.ok ? nikDisagreements(v.nik, v.birthDate, v.gender) : [];
  const set = <K extends keyof MemberDraft>(key: K, value: MemberDraft[K]) => props.onChange({ ...v, [key]: value }, key);
  const setBusiness = (i: number, patch: Partial<BusinessDraft>) =>
    props.onChange({ ...v, businesses: v.businesses.map((b, j) => (j === i ? { ...b, ...patch } : b)) }, `businesses.${i}.${Object.keys(patch)[0]}`);

  const nikHint = (() => {
    if (!reading) return props.maskedNik ? t('reg.nik.keep', { nik: props.maskedNik }) : t('reg.nik.hint');
    if (!reading.ok) return undefined;
    const decoded = t('reg.nik.decoded', { date: formatDate(reading.birthDate), gender: t(`reg.gender.${reading.gender}`).toLowerCase() });
    if (disagree.length === 0) return decoded;
    return `${decoded} ${t('reg.nik.disagree', { what: disagree.map((d) => t(d === 'birthDate' ? 'reg.nik.disagreeDate' : 'reg.nik.disagreeGender')).join(', ') })}`;
  })();
  // The server's message wins; until the form is sent, a wrong NIK is said while typing.
  const nikError = props.errors.errorOf('nik') ?? (reading && !reading.ok ? reading.message[locale] : undefined);

  return (
    <>
      <fieldset>
        <legend>{t('reg.sec.person')}</legend>
        <div className="grid2">
          <div>
            <TextField
              label={t('reg.f.nik')}
              required={!props.editing}
              autoFocus={!props.editing}
              inputMode="numeric"
              autoComplete="off"
              maxLength={20}
              value={v.nik}
              error={nikError}
              hint={nikHint}
              onChange={(e) => set('nik', e.target.value)}
              className={disagree.length ? 'reg-warn' : undefined}
            />
            {reading?.ok && (v.birthDate === '' || v.gender === '') && (
              <button
                type="button"
                className="button button--small reg-nik-fill"
                onClick={() => props.onChange({ ...v, birthDate: v.birthDate || reading.birthDate, gender: v.gender || reading.gender }, 'birthDate')}
              >
                {t('reg.nik.fill')}
              </button>
            )}
            {props.nikNote}
          </div>
          <TextField
            label={t('reg.f.kk')}
            inputMode="numeric"
            autoComplete="off"
            maxLength={20}
            hint={props.maskedKk && !v.kk ? t('reg.nik.keep', { nik: props.maskedKk }) : undefined}
            value={v.kk}
            error={props.errors.errorOf('kk')}
            onChange={(e) => set('kk', e.target.value)}
          />
        </div>
        <TextField
          label={t('reg.f.fullName')}
          required
          value={v.fullName}
          error={props.errors.errorOf('fullName')}
          onChange={(e) => set('fullName', e.target.value)}
        />
        <div className="grid3">
          <TextField
            label={t('reg.f.birthPlace')}
            value={v.birthPlace}
            error={props.errors.errorOf('birthPlace')}
            onChange={(e) => set('birthPlace', e.target.value)}
          />
          <DateField
            label={t('reg.f.birthDate')}
            required
            value={v.birthDate}
            error={props.errors.errorOf('birthDate')}
            onChange={(v) => set('birthDate', v)}
          />
          <SelectField
            label={t('reg.f.gender')}
            required
            value={v.gender}
            error={props.errors.errorOf('gender')}
            onChange={(e) => set('gender', e.target.value)}
          >
            <option value="">{t('reg.f.choose')}</option>
            <option value="L">{t('reg.gender.L')}</option>
            <option value="P">{t('reg.gender.P')}</option>
          </SelectField>
        </div>
        <SelectField
          label={t('reg.f.education')}
          value={v.education}
          error={props.errors.errorOf('education')}
          onChange={(e) => set('education', e.target.value)}
        >
          <option value="">{t('reg.f.choose')}</option>
          {EDUCATIONS.map((x) => (
            <option key={x} value={x}>
              {t(`reg.edu.${x}`)}
            </option>
          ))}
        </SelectField>
      </fieldset>

      <fieldset>
        <legend>{t('reg.sec.address')}</legend>
        <TextField
          label={t('reg.f.street')}
          required
          value={v.addressStreet}
          error={props.errors.errorOf('addressStreet')}
          onChange={(e) => set('addressStreet', e.target.value)}
        />
        <div className="reg-grid-addr">
          <TextField
            label={t('reg.f.rt')}
            inputMode="numeric"
            maxLength={3}
            value={v.rt}
            error={props.errors.errorOf('rt')}
            onChange={(e) => set('rt', e.target.value)}
          />
          <TextField
            label={t('reg.f.rw')}
            inputMode="numeric"
            maxLength={3}
            value={v.rw}
            error={props.errors.errorOf('rw')}
            onChange={(e) => set('rw', e.target.value)}
          />
          <KelurahanSelect
            label={t('reg.f.kelurahan')}
            list={ref.kelurahans}
            value={v.kelurahanKode}
            error={props.errors.errorOf('kelurahanKode')}
            onChange={(k) => set('kelurahanKode', k)}
          />
        </div>
        <div className="grid2">
          <TextField
            label={t('reg.f.phone')}
            type="tel"
            autoComplete="off"
            value={v.phone}
            error={props.errors.errorOf('phone')}
            onChange={(e) => set('phone', e.target.value)}
          />
          <TextField
            label={t('reg.f.email')}
            type="email"
            autoComplete="off"
            value={v.email}
            error={props.errors.errorOf('email')}
            onChange={(e) => set('email', e.target.value)}
          />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('reg.sec.programme')}</legend>
        <div className="grid3">
          <SelectField
            label={t('reg.f.targetGroup')}
            required
            value={v.targetGroup}
            error={props.errors.errorOf('targetGroup')}
            onChange={(e) => set('targetGroup', e.target.value)}
          >
            <option value="">{t('reg.f.choose')}</option>
            {TARGET_GROUPS.map((x) => (
              <option key={x} value={x}>
                {t(`reg.tg.${x}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('reg.f.skpd')} required value={v.skpd} error={props.errors.errorOf('skpd')} onChange={(e) => set('skpd', e.target.value)}>
            <option value="">{t('reg.f.choose')}</option>
            {SKPDS.map((x) => (
              <option key={x} value={x}>
                {t(`reg.skpd.${x}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('reg.f.pendamping')}
            value={v.pendampingId}
            error={props.errors.errorOf('pendampingId')}
            onChange={(e) => set('pendampingId', e.target.value)}
          >
            <option value="">{t('reg.f.none')}</option>
            {ref.pendampings.map((p) => (
              <option key={p.id} value={p.id}>
                {p.fullName}
              </option>
            ))}
          </SelectField>
        </div>
      </fieldset>

      {v.businesses.map((b, i) => (
        <BusinessFields
          key={i}
          index={i}
          value={b}
          kelurahans={ref.kelurahans}
          errors={props.errors}
          serverScale={props.serverScales?.[i]}
          onChange={(patch) => setBusiness(i, patch)}
          onRemove={
            v.businesses.length > 1 && !b.id ? () => props.onChange({ ...v, businesses: v.businesses.filter((_, j) => j !== i) }, 'businesses') : undefined
          }
        />
      ))}
      <div className="reg-add-business">
        <button type="button" className="button" onClick={() => props.onChange({ ...v, businesses: [...v.businesses, emptyBusiness()] }, 'businesses')}>
          {t('reg.sec.addBusiness')}
        </button>
      </div>
    </>
  );
}

function KelurahanSelect(props: { label: string; list: Kelurahan[]; value: string; error?: string; required?: boolean; onChange: (kode: string) => void }) {
  return <KelurahanPicker label={props.label} required={props.required ?? true} value={props.value} error={props.error} onChange={props.onChange} />;
}

function BusinessFields(props: {
  index: number;
  value: BusinessDraft;
  kelurahans: Kelurahan[];
  errors: FormErrors;
  serverScale?: string;
  onChange: (patch: Partial<BusinessDraft>) => void;
  onRemove?: () => void;
}) {
  const { t } = useI18n();
  const b = props.value;
  const p = `businesses.${props.index}`;
  const err = (field: string) => props.errors.errorOf(`${p}.${field}`);
  const scale = displayScale(b.capital, b.monthlyTurnover);
  const scaleName = props.serverScale && !scale ? props.serverScale : scale?.scale;
  return (
    <fieldset className="reg-business">
      <legend>{t('reg.sec.business', { n: props.index + 1 })}</legend>
      <div className="grid2">
        <TextField label={t('reg.b.name')} required value={b.name} error={err('name')} onChange={(e) => props.onChange({ name: e.target.value })} />
        <SelectField
          label={t('reg.b.legalForm')}
          required
          value={b.legalForm}
          error={err('legalForm')}
          onChange={(e) => props.onChange({ legalForm: e.target.value })}
        >
          {LEGAL_FORMS.map((x) => (
            <option key={x} value={x}>
              {t(`reg.lf.${x}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <KbliCombobox label={t('reg.b.kbli')} required value={b.kbli} error={err('kbliKode')} onChange={(kbli) => props.onChange({ kbli })} />
      <TextAreaField
        label={t('reg.b.products')}
        rows={2}
        value={b.products}
        error={err('products')}
        onChange={(e) => props.onChange({ products: e.target.value })}
      />
      <CheckField label={t('reg.b.sameAddress')} checked={b.sameAddress} onChange={(e) => props.onChange({ sameAddress: e.target.checked })} />
      {!b.sameAddress && (
        <div className="reg-grid-addr2">
          <TextField
            label={t('reg.b.street')}
            required
            value={b.addressStreet}
            error={err('addressStreet')}
            onChange={(e) => props.onChange({ addressStreet: e.target.value })}
          />
          <KelurahanSelect
            label={t('reg.b.kelurahan')}
            list={props.kelurahans}
            value={b.kelurahanKode}
            error={err('kelurahanKode')}
            onChange={(k) => props.onChange({ kelurahanKode: k })}
          />
          <TextField
            label={t('reg.b.postalCode')}
            inputMode="numeric"
            maxLength={5}
            value={b.postalCode}
            error={err('postalCode')}
            onChange={(e) => props.onChange({ postalCode: e.target.value })}
          />
        </div>
      )}
      <div className="grid3">
        <DateField label={t('reg.b.startDate')} value={b.startDate} error={err('startDate')} onChange={(v) => props.onChange({ startDate: v })} />
        <SelectField
          label={t('reg.b.placeStatus')}
          value={b.placeStatus}
          error={err('placeStatus')}
          onChange={(e) => props.onChange({ placeStatus: e.target.value })}
        >
          <option value="">{t('reg.f.choose')}</option>
          {PLACE_STATUSES.map((x) => (
            <option key={x} value={x}>
              {t(`reg.place.${x}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('reg.b.employees')}
          inputMode="numeric"
          value={b.employees}
          error={err('employees')}
          onChange={(e) => props.onChange({ employees: e.target.value.replace(/\D/g, '') })}
        />
      </div>
      <div className="grid3">
        <MoneyField
          label={t('reg.b.capital')}
          required
          hint={t('reg.b.capitalHint')}
          value={b.capital}
          error={err('capital')}
          onChange={(capital) => props.onChange({ capital })}
        />
        <MoneyField
          label={t('reg.b.turnover')}
          required
          value={b.monthlyTurnover}
          error={err('monthlyTurnover')}
          onChange={(monthlyTurnover) => props.onChange({ monthlyTurnover })}
        />
        <div className="field">
          <span className="reg-label">{t('reg.b.scale')}</span>
          <output className="reg-scale" aria-live="polite">
            {scaleName ? (
              <>
                <span className={`badge reg-scale--${scaleName}`}>{t(`reg.scale.${scaleName as 'mikro'}`)}</span>
                {scale && <span className="field__hint"> {t(scale.basis === 'capital' ? 'reg.b.scaleBasisCapital' : 'reg.b.scaleBasisSales')}</span>}
              </>
            ) : (
              <span className="field__hint">{t('reg.b.scaleUnknown')}</span>
            )}
          </output>
          {err('scale') && <div className="field__error">{err('scale')}</div>}
        </div>
      </div>
      <div className="grid2">
        <TextField
          label={t('reg.b.npwp')}
          inputMode="numeric"
          autoComplete="off"
          value={b.npwp}
          error={err('npwp')}
          onChange={(e) => props.onChange({ npwp: e.target.value })}
        />
        <TextField
          label={t('reg.b.nib')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={13}
          value={b.nib}
          error={err('nib')}
          onChange={(e) => props.onChange({ nib: e.target.value })}
        />
      </div>
      <div className="grid2">
        <SelectField
          label={t('reg.b.halal')}
          value={b.halalStatus}
          error={err('halalStatus')}
          onChange={(e) => props.onChange({ halalStatus: e.target.value })}
        >
          {HALAL_STATUSES.map((x) => (
            <option key={x} value={x}>
              {t(`reg.halal.${x}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('reg.b.pirt')} value={b.pirtStatus} error={err('pirtStatus')} onChange={(e) => props.onChange({ pirtStatus: e.target.value })}>
          {PIRT_STATUSES.map((x) => (
            <option key={x} value={x}>
              {t(`reg.pirt.${x}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {b.id && (
        <SelectField label={t('reg.b.status')} value={b.status ?? 'aktif'} onChange={(e) => props.onChange({ status: e.target.value })}>
          <option value="aktif">{t('reg.status.aktif')}</option>
          <option value="tutup">{t('reg.status.tutup')}</option>
        </SelectField>
      )}
      {props.onRemove && (
        <div className="actions">
          <button type="button" className="button button--small" onClick={props.onRemove}>
            {t('reg.sec.removeBusiness')}
          </button>
        </div>
      )}
      <Notice kind="error">{props.errors.errorOf(p)}</Notice>
    </fieldset>
  );
}
