import { useI18n } from '../../app/i18n';
import { CheckField, SelectField, TextField } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { KbliCombobox, MoneyField } from '../registrations';

export interface WalkInDraft {
  fullName: string;
  birthDate: string;
  gender: string;
  addressStreet: string;
  kelurahanKode: string;
  phone: string;
  businessName: string;
  kbli: { kode: string; judul: string } | null;
  capital: number | null;
  monthlyTurnover: number | null;
  sameAddress: boolean;
  businessAddress: string;
  businessKelurahanKode: string;
  /** Null until the clerk types one: the business kelurahan's code from Pengaturan is shown. */
  postalCode: string | null;
}

export const emptyWalkIn = (): WalkInDraft => ({
  fullName: '',
  birthDate: '',
  gender: '',
  addressStreet: '',
  kelurahanKode: '',
  phone: '',
  businessName: '',
  kbli: null,
  capital: null,
  monthlyTurnover: null,
  sameAddress: true,
  businessAddress: '',
  businessKelurahanKode: '',
  postalCode: null,
});

/** The kelurahan where the business is: its own when given, else the home one. */
export const businessKelurahanOf = (w: WalkInDraft) => (w.sameAddress ? w.kelurahanKode : w.businessKelurahanKode);

/** A required field's container for the Enter navigation (see useStepFocus). */
function Step({ name, empty, children, wide }: { name: string; empty: boolean; children: React.ReactNode; wide?: boolean }) {
  return (
    <div data-step={name} data-empty={empty ? 'true' : 'false'} className={wide ? 'permits-span2' : undefined}>
      {children}
    </div>
  );
}

/**
 * The short registration of a walk-in applicant, after the NIK typed above: birth date and
 * gender come from the NIK (the clerk may still correct them), the KBLI from the registration's
 * own picker, the postal code from the office's list for the business kelurahan.
 */
export function WalkInFields(props: {
  value: WalkInDraft;
  onChange: (patch: Partial<WalkInDraft>, field: keyof WalkInDraft) => void;
  kelurahans: { kode: string; nama: string }[];
  defaultPostalCode: string | null;
  errorOf: (field: string) => string | undefined;
  onKbliPicked: () => void;
}) {
  const { t } = useI18n();
  const w = props.value;
  const set = <K extends keyof WalkInDraft>(k: K, v: WalkInDraft[K]) => props.onChange({ [k]: v }, k);
  const err = (k: string) => props.errorOf(`walkIn.${k}`);
  const postal = w.postalCode ?? props.defaultPostalCode ?? '';
  const kelurahanOptions = (
    <>
      <option value="">{t('reg.f.choose')}</option>
      {props.kelurahans.map((k) => (
        <option key={k.kode} value={k.kode}>
          {k.nama}
        </option>
      ))}
    </>
  );
  return (
    <div className="permits-walkin">
      <div className="grid3">
        <Step name="fullName" empty={!w.fullName.trim()}>
          <TextField
            label={t('permits.walkin.fullName')}
            required
            value={w.fullName}
            error={err('fullName')}
            onChange={(e) => set('fullName', e.target.value)}
            autoComplete="off"
          />
        </Step>
        <Step name="birthDate" empty={!w.birthDate}>
          <DateField
            label={t('permits.walkin.birthDate')}
            required
            value={w.birthDate}
            error={err('birthDate')}
            onChange={(v) => set('birthDate', v)}
            hint={t('permits.walkin.fromNik')}
          />
        </Step>
        <Step name="gender" empty={!w.gender}>
          <SelectField label={t('permits.walkin.gender')} required value={w.gender} error={err('gender')} onChange={(e) => set('gender', e.target.value)}>
            <option value="">{t('reg.f.choose')}</option>
            <option value="L">{t('permits.walkin.male')}</option>
            <option value="P">{t('permits.walkin.female')}</option>
          </SelectField>
        </Step>
        <Step name="addressStreet" empty={!w.addressStreet.trim()}>
          <TextField
            label={t('permits.walkin.address')}
            required
            value={w.addressStreet}
            error={err('addressStreet')}
            onChange={(e) => set('addressStreet', e.target.value)}
            autoComplete="off"
          />
        </Step>
        <Step name="kelurahanKode" empty={!w.kelurahanKode}>
          <SelectField
            label={t('permits.walkin.kelurahan')}
            required
            value={w.kelurahanKode}
            error={err('kelurahanKode')}
            onChange={(e) => set('kelurahanKode', e.target.value)}
          >
            {kelurahanOptions}
          </SelectField>
        </Step>
        <Step name="phone" empty={!w.phone.trim()}>
          <TextField
            label={t('permits.walkin.phone')}
            type="tel"
            required
            value={w.phone}
            error={err('phone')}
            onChange={(e) => set('phone', e.target.value)}
            autoComplete="off"
          />
        </Step>
        <Step name="businessName" empty={!w.businessName.trim()}>
          <TextField
            label={t('permits.walkin.businessName')}
            required
            value={w.businessName}
            error={err('businessName')}
            onChange={(e) => set('businessName', e.target.value)}
            autoComplete="off"
          />
        </Step>
        <Step name="kbli" empty={!w.kbli} wide>
          <KbliCombobox
            label={t('permits.walkin.kbli')}
            required
            value={w.kbli}
            error={err('kbliKode')}
            onChange={(kbli) => {
              set('kbli', kbli);
              if (kbli) props.onKbliPicked();
            }}
          />
        </Step>
        <Step name="capital" empty={w.capital === null}>
          <MoneyField label={t('permits.walkin.capital')} required value={w.capital} error={err('capital')} onChange={(v) => set('capital', v)} />
        </Step>
        <MoneyField label={t('permits.walkin.turnover')} value={w.monthlyTurnover} error={err('monthlyTurnover')} onChange={(v) => set('monthlyTurnover', v)} />
        <Step name="postalCode" empty={!postal}>
          <TextField
            label={t('permits.walkin.postalCode')}
            required
            inputMode="numeric"
            maxLength={5}
            value={postal}
            error={err('postalCode')}
            hint={props.defaultPostalCode && w.postalCode === null ? t('permits.walkin.postalDefault') : undefined}
            onChange={(e) => set('postalCode', e.target.value.replace(/\D/g, ''))}
          />
        </Step>
      </div>
      <CheckField label={t('permits.walkin.sameAddress')} checked={w.sameAddress} onChange={(e) => set('sameAddress', e.target.checked)} />
      {!w.sameAddress && (
        <div className="grid2">
          <Step name="businessAddress" empty={!w.businessAddress.trim()}>
            <TextField
              label={t('permits.walkin.businessAddress')}
              required
              value={w.businessAddress}
              error={err('businessAddress')}
              onChange={(e) => set('businessAddress', e.target.value)}
            />
          </Step>
          <Step name="businessKelurahanKode" empty={!w.businessKelurahanKode}>
            <SelectField
              label={t('permits.walkin.businessKelurahan')}
              required
              value={w.businessKelurahanKode}
              error={err('businessKelurahanKode')}
              onChange={(e) => set('businessKelurahanKode', e.target.value)}
            >
              {kelurahanOptions}
            </SelectField>
          </Step>
        </div>
      )}
    </div>
  );
}
