import { useI18n } from '../../app/i18n';
import { TextAreaField, TextField } from '../../components/Field';

/** The office's details as typed in the setup and settings forms. */
export interface OfficeFormValues {
  name: string;
  provinceLabel: string;
  address: string;
  postalCode: string;
  phone: string;
  email: string;
  letterhead: string;
  signatoryName: string;
  signatoryTitle: string;
  signatoryNip: string;
  yearlyTarget: string;
}

/** What the API takes for those details (empty optional fields as null, one letterhead line per row). */
export function officePayload(v: OfficeFormValues) {
  return {
    name: v.name,
    provinceLabel: v.provinceLabel,
    address: v.address,
    postalCode: v.postalCode || null,
    phone: v.phone || null,
    email: v.email || null,
    letterheadLines: v.letterhead
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
    signatoryName: v.signatoryName,
    signatoryTitle: v.signatoryTitle,
    signatoryNip: v.signatoryNip.replace(/\s/g, ''),
    // Digits only ("4.500" is 4500); nothing typed is sent as NaN so the server names the field.
    yearlyTarget: Number(v.yearlyTarget.replace(/\D/g, '') || 'NaN'),
  };
}

interface Props {
  values: OfficeFormValues;
  set: (key: keyof OfficeFormValues, value: string) => void;
  error: (key: string) => string | undefined;
}

export function OfficeContactFields({ values: v, set, error }: Props) {
  const { t } = useI18n();
  return (
    <>
      <TextField label={t('office.address')} required value={v.address} error={error('address')} onChange={(e) => set('address', e.target.value)} />
      <div className="grid3">
        <TextField
          label={t('office.postalCode')}
          inputMode="numeric"
          value={v.postalCode}
          error={error('postalCode')}
          onChange={(e) => set('postalCode', e.target.value)}
        />
        <TextField label={t('office.phone')} value={v.phone} error={error('phone')} onChange={(e) => set('phone', e.target.value)} />
        <TextField label={t('office.email')} type="email" value={v.email} error={error('email')} onChange={(e) => set('email', e.target.value)} />
      </div>
      <TextField
        label={t('office.yearlyTarget')}
        required
        inputMode="numeric"
        value={v.yearlyTarget}
        error={error('yearlyTarget')}
        onChange={(e) => set('yearlyTarget', e.target.value)}
      />
    </>
  );
}

export function LetterheadFields({ values: v, set, error }: Props) {
  const { t } = useI18n();
  return (
    <>
      <TextAreaField
        label={t('office.letterheadLines')}
        required
        rows={3}
        value={v.letterhead}
        error={error('letterheadLines')}
        onChange={(e) => set('letterhead', e.target.value)}
      />
      <div className="grid3">
        <TextField
          label={t('office.signatoryName')}
          required
          value={v.signatoryName}
          error={error('signatoryName')}
          onChange={(e) => set('signatoryName', e.target.value)}
        />
        <TextField
          label={t('office.signatoryTitle')}
          required
          value={v.signatoryTitle}
          error={error('signatoryTitle')}
          onChange={(e) => set('signatoryTitle', e.target.value)}
        />
        <TextField
          label={t('office.signatoryNip')}
          required
          inputMode="numeric"
          value={v.signatoryNip}
          error={error('signatoryNip')}
          onChange={(e) => set('signatoryNip', e.target.value)}
        />
      </div>
    </>
  );
}
