import { useEffect, useState, type FormEvent } from 'react';
import { invoke, type Input, type Output } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { navigate } from '../../app/router';
import { CheckField, SelectField, TextAreaField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';
import { CHANNELS } from './PermitList';

type Applicant = Output<'permits.applicantSearch'>[number];
type Settings = Output<'permitSettings.get'>;

const emptyWalkIn = {
  nik: '',
  fullName: '',
  birthDate: '',
  gender: 'L',
  addressStreet: '',
  kelurahanKode: '',
  phone: '',
  businessName: '',
  kbliKode: '',
  capital: '',
  monthlyTurnover: '',
};

const num = (v: string) => (v.trim() === '' ? null : Number(v.replace(',', '.')));

export function IntakeForm() {
  const { t } = useI18n();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [kelurahans, setKelurahans] = useState<{ kode: string; nama: string }[]>([]);
  const [mode, setMode] = useState<'member' | 'walkin'>('member');
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Applicant[] | null>(null);
  const [chosen, setChosen] = useState<{ member: Applicant; businessId: string } | null>(null);
  const [walkIn, setWalkIn] = useState(emptyWalkIn);
  const form = useForm({
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
    requirements: [] as string[],
  });
  const v = form.values;

  useEffect(() => {
    void invoke('permitSettings.get', {}).then(setSettings);
    void invoke('office.get', {}).then((o) => invoke('regions.list', { parent: o.kecamatanKode, level: 'kelurahan' })).then((list) => setKelurahans(list.map((k) => ({ kode: k.kode, nama: k.nama }))));
  }, []);

  useEffect(() => {
    if (query.trim().length < 2) {
      setResults(null);
      return;
    }
    const handle = setTimeout(() => {
      void invoke('permits.applicantSearch', { query }).then(setResults).catch(() => setResults([]));
    }, 200);
    return () => clearTimeout(handle);
  }, [query]);

  const requirements = (settings?.settings.requirements ?? []).filter((r) => r.appliesTo === 'semua' || r.appliesTo === v.category);
  const toggle = (code: string, on: boolean) => form.set('requirements', on ? [...v.requirements, code] : v.requirements.filter((c) => c !== code));
  const setW = (k: keyof typeof emptyWalkIn, value: string) => setWalkIn((w) => ({ ...w, [k]: value }));
  const wErr = (k: string) => form.errorOf(`walkIn.${k}`);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(async () => {
      const input: Input<'permits.create'> = {
        channel: v.channel as 'loket',
        category: v.category as 'binaan',
        categoryRef: v.categoryRef || null,
        locationType: v.locationType as 'menetap',
        floorAreaM2: v.locationType === 'berkeliling' ? null : num(v.floorAreaM2),
        plotAreaM2: v.locationType === 'rumah' ? num(v.plotAreaM2) : null,
        atDesignatedLocation: v.locationType === 'berkeliling' ? v.atDesignatedLocation : null,
        zone: (v.zone || null) as 'permukiman',
        facility: v.facility || null,
        note: v.note || null,
        requirements: v.requirements.filter((c) => requirements.some((r) => r.code === c)),
      };
      if (mode === 'member') {
        input.memberId = chosen?.member.id ?? null;
        input.businessId = chosen?.businessId ?? null;
      } else {
        input.walkIn = {
          ...walkIn,
          gender: walkIn.gender as 'L',
          capital: Number(walkIn.capital || 0),
          monthlyTurnover: Number(walkIn.monthlyTurnover || 0),
        };
      }
      const created = await invoke('permits.create', input);
      navigate(`/perizinan/izin/${created.id}`, { baru: 1 });
    });
  };

  return (
    <form className="permits-form" onSubmit={submit} noValidate>
      <p className="muted">{t('permits.new.intro')}</p>
      <Notice kind="error">{form.error}</Notice>
      <fieldset>
        <legend>{t('permits.new.applicant')}</legend>
        <div className="permits-mode">
          <label className="check">
            <input type="radio" name="mode" checked={mode === 'member'} onChange={() => setMode('member')} /> {t('permits.new.useMember')}
          </label>
          <label className="check">
            <input type="radio" name="mode" checked={mode === 'walkin'} onChange={() => setMode('walkin')} /> {t('permits.new.walkIn')}
          </label>
        </div>
        {mode === 'member' ? (
          <>
            <TextField label={t('permits.new.findMember')} value={query} onChange={(e) => setQuery(e.target.value)} error={form.errorOf('memberId', 'businessId')} autoFocus />
            {results && results.length === 0 && <p className="muted">{t('permits.new.noResults')}</p>}
            {results && results.length > 0 && (
              <ul className="permits-results">
                {results.map((m) => (
                  <li key={m.id}>
                    <strong>{m.fullName}</strong> <span className="permits-small">{m.memberNo} · NIK {m.nik}</span>
                    <div className="row-actions">
                      {m.businesses.map((b) => (
                        <button
                          type="button"
                          key={b.id}
                          className={`button button--small${chosen?.businessId === b.id ? ' button--primary' : ''}`}
                          onClick={() => setChosen({ member: m, businessId: b.id })}
                        >
                          {b.name}
                        </button>
                      ))}
                    </div>
                  </li>
                ))}
              </ul>
            )}
            {chosen && (
              <Notice kind="info">
                {chosen.member.fullName} · {chosen.member.businesses.find((b) => b.id === chosen.businessId)?.name}
              </Notice>
            )}
          </>
        ) : (
          <>
            <div className="grid3">
              <TextField label={t('permits.walkin.nik')} value={walkIn.nik} onChange={(e) => setW('nik', e.target.value)} error={wErr('nik')} required inputMode="numeric" />
              <TextField label={t('permits.walkin.fullName')} value={walkIn.fullName} onChange={(e) => setW('fullName', e.target.value)} error={wErr('fullName')} required />
              <TextField label={t('permits.walkin.birthDate')} type="date" value={walkIn.birthDate} onChange={(e) => setW('birthDate', e.target.value)} error={wErr('birthDate')} required />
              <SelectField label={t('permits.walkin.gender')} value={walkIn.gender} onChange={(e) => setW('gender', e.target.value)} error={wErr('gender')}>
                <option value="L">{t('permits.walkin.male')}</option>
                <option value="P">{t('permits.walkin.female')}</option>
              </SelectField>
              <TextField label={t('permits.walkin.address')} value={walkIn.addressStreet} onChange={(e) => setW('addressStreet', e.target.value)} error={wErr('addressStreet')} required />
              <SelectField label={t('permits.walkin.kelurahan')} value={walkIn.kelurahanKode} onChange={(e) => setW('kelurahanKode', e.target.value)} error={wErr('kelurahanKode')} required>
                <option value="">—</option>
                {kelurahans.map((k) => (
                  <option key={k.kode} value={k.kode}>
                    {k.nama}
                  </option>
                ))}
              </SelectField>
              <TextField label={t('permits.walkin.phone')} value={walkIn.phone} onChange={(e) => setW('phone', e.target.value)} error={wErr('phone')} required />
              <TextField label={t('permits.walkin.businessName')} value={walkIn.businessName} onChange={(e) => setW('businessName', e.target.value)} error={wErr('businessName')} required />
              <TextField label={t('permits.walkin.kbli')} value={walkIn.kbliKode} onChange={(e) => setW('kbliKode', e.target.value)} error={wErr('kbliKode')} required inputMode="numeric" />
              <TextField label={t('permits.walkin.capital')} value={walkIn.capital} onChange={(e) => setW('capital', e.target.value.replace(/\D/g, ''))} error={wErr('capital')} required inputMode="numeric" />
              <TextField label={t('permits.walkin.turnover')} value={walkIn.monthlyTurnover} onChange={(e) => setW('monthlyTurnover', e.target.value.replace(/\D/g, ''))} error={wErr('monthlyTurnover')} inputMode="numeric" />
            </div>
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('permits.new.application')}</legend>
        <div className="grid3">
          <SelectField label={t('permits.field.channel')} value={v.channel} onChange={(e) => form.set('channel', e.target.value)} error={form.errorOf('channel')}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`permits.channel.${c}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('permits.field.category')} value={v.category} onChange={(e) => form.set('category', e.target.value)} error={form.errorOf('category')}>
            <option value="non_binaan">{t('permits.category.non_binaan')}</option>
            <option value="binaan">{t('permits.category.binaan')}</option>
          </SelectField>
          <TextField
            label={t(v.category === 'binaan' ? 'permits.field.categoryRef.binaan' : 'permits.field.categoryRef.non_binaan')}
            value={v.categoryRef}
            onChange={(e) => form.set('categoryRef', e.target.value)}
            error={form.errorOf('categoryRef')}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('permits.new.location')}</legend>
        <div className="grid3">
          <SelectField label={t('permits.field.locationType')} value={v.locationType} onChange={(e) => form.set('locationType', e.target.value)} error={form.errorOf('locationType')}>
            <option value="menetap">{t('permits.location.menetap')}</option>
            <option value="rumah">{t('permits.location.rumah')}</option>
            <option value="berkeliling">{t('permits.location.berkeliling')}</option>
          </SelectField>
          {v.locationType !== 'berkeliling' && (
            <TextField label={t('permits.field.floorArea')} value={v.floorAreaM2} onChange={(e) => form.set('floorAreaM2', e.target.value)} error={form.errorOf('floorAreaM2')} inputMode="decimal" />
          )}
          {v.locationType === 'rumah' && (
            <TextField label={t('permits.field.plotArea')} value={v.plotAreaM2} onChange={(e) => form.set('plotAreaM2', e.target.value)} error={form.errorOf('plotAreaM2')} inputMode="decimal" />
          )}
          <SelectField label={t('permits.field.zone')} value={v.zone} onChange={(e) => form.set('zone', e.target.value)} error={form.errorOf('zone')}>
            {Object.entries(settings?.zones ?? {}).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </SelectField>
          <TextField label={t('permits.field.facility')} value={v.facility} onChange={(e) => form.set('facility', e.target.value)} error={form.errorOf('facility')} placeholder="Kios, gerobak, rumah tinggal…" />
        </div>
        {v.locationType === 'berkeliling' && (
          <>
            <CheckField label={t('permits.field.designated')} checked={v.atDesignatedLocation} onChange={(e) => form.set('atDesignatedLocation', e.target.checked)} />
            {form.errorOf('atDesignatedLocation') && <div className="field__error">{form.errorOf('atDesignatedLocation')}</div>}
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('permits.new.requirements')}</legend>
        {requirements.map((r) => (
          <CheckField key={r.code} label={r.label} checked={v.requirements.includes(r.code)} onChange={(e) => toggle(r.code, e.target.checked)} />
        ))}
        {form.errorOf('requirements') && <div className="field__error">{form.errorOf('requirements')}</div>}
        <TextAreaField label={t('permits.field.note')} value={v.note} onChange={(e) => form.set('note', e.target.value)} rows={2} />
      </fieldset>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {t('permits.new.submit')}
        </button>
      </div>
    </form>
  );
}
