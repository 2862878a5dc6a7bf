import { forwardRef } from 'react';
import type { Output } from '../../app/api';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { Field } from '../../components/Field';
import type { NikReading } from '../registrations';

export type Applicant = Output<'permits.applicantSearch'>[number];
export type ApplicantBusiness = Applicant['businesses'][number];

/**
 * The applicant field of the intake form: a name, member number or NIK. A NIK already
 * registered is found while typing and offered; a complete NIK nobody has opens the walk-in
 * registration below with that NIK.
 */
export const ApplicantField = forwardRef<
  HTMLInputElement,
  {
    value: string;
    onChange: (value: string) => void;
    reading: NikReading;
    walkIn: boolean;
    searching: boolean;
    error?: string;
  }
>(function ApplicantField({ value, onChange, reading, walkIn, searching, error }, ref) {
  const { t, locale } = useI18n();
  const hint = (() => {
    if (reading && !reading.ok) return undefined;
    if (reading?.ok) {
      const decoded = t('reg.nik.decoded', { date: formatDate(reading.birthDate), gender: t(`reg.gender.${reading.gender}`).toLowerCase() });
      return walkIn ? `${decoded} ${t('permits.new.nikNew')}` : searching ? `${decoded} ${t('permits.new.searching')}` : decoded;
    }
    return t('permits.new.applicantHint');
  })();
  return (
    <Field label={t('permits.new.findMember')} error={error ?? (reading && !reading.ok ? reading.message[locale] : undefined)} hint={hint} required>
      {(id, describedBy) => (
        <input
          id={id}
          ref={ref}
          data-search
          autoFocus
          autoComplete="off"
          aria-invalid={!!error}
          aria-describedby={describedBy}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
});

/** The members found, each with buttons for their businesses; out-of-area businesses are marked. */
export function ApplicantResults({
  results,
  chosenBusinessId,
  onChoose,
}: {
  results: Applicant[];
  chosenBusinessId: string | null;
  onChoose: (member: Applicant, business: ApplicantBusiness) => void;
}) {
  const { t } = useI18n();
  if (results.length === 0) return <p className="muted">{t('permits.new.noResults')}</p>;
  return (
    <ul className="permits-results" aria-label={t('permits.new.results')}>
      {results.map((m) => (
        <li key={m.id}>
          <div>
            <strong>{m.fullName}</strong>{' '}
            <span className="permits-small">
              {m.memberNo} · NIK {m.nik}
            </span>
            {m.exactNik && <div className="permits-small permits-ok">{t('permits.new.nikRegistered')}</div>}
          </div>
          <div className="row-actions">
            {m.businesses.length === 0 && <span className="muted">{t('permits.new.noBusiness')}</span>}
            {m.businesses.map((b) => (
              <button
                type="button"
                key={b.id}
                data-business={b.id}
                className={`button button--small${chosenBusinessId === b.id ? ' button--primary' : ''}`}
                onClick={() => onChoose(m, b)}
              >
                {b.name}
                {!b.inArea && <span className="permits-small"> · {t('permits.new.outOfArea', { kecamatan: b.kecamatan })}</span>}
              </button>
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}
