import type { SubmitEvent } from 'react';
import type { Output } from '../../app/api';
import { useApi } from '../../app/data';
import { jakartaToday } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { Notice } from '../../components/Notice';
import { SelectField, TextField } from '../../components/Field';
import { DateField, TimeField } from '../../components/DateField';
import { useForm } from '../../components/useForm';

/** The agencies a training can be organised by, named by the catalogue (reg.skpd.*) like on member pages. */
const SKPD_OPTIONS = ['ppkukm_ukm', 'ppkukm_ikm', 'sosial', 'parekraf', 'nakertransgi', 'ppapp', 'kpkp'] as const;

type Skpd = (typeof SKPD_OPTIONS)[number];

// Today in Jakarta, by the page's clock (which follows the office server's in the tests).
const today = jakartaToday;

interface TrainingDraft {
  topic: string;
  startsOn: string;
  startsTime: string;
  endsOn: string;
  endsTime: string;
  mode: 'offline' | 'online';
  place: string;
  link: string;
  capacity: string;
  trainer: string;
  skpd: Skpd;
}

export function TrainingForm({ onDone }: { onDone: (t: Output<'trainings.create'>) => void }) {
  const { t } = useI18n();
  const form = useForm<TrainingDraft>({
    topic: '',
    startsOn: today(),
    startsTime: '09:00',
    endsOn: today(),
    endsTime: '15:00',
    mode: 'offline',
    place: '',
    link: '',
    capacity: '100',
    trainer: '',
    skpd: 'ppkukm_ukm',
  });
  const v = form.values;
  const api = useApi();
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    void form.submit(async () => {
      const created = await api('trainings.create', {
        topic: v.topic,
        startsAt: `${v.startsOn}T${v.startsTime}`,
        endsAt: `${v.endsOn}T${v.endsTime}`,
        mode: v.mode,
        place: v.mode === 'offline' ? v.place : null,
        link: v.mode === 'online' ? v.link : null,
        capacity: Number(v.capacity),
        trainer: v.trainer,
        skpd: v.skpd,
      });
      onDone(created);
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Notice kind="error">{form.error}</Notice>
      <TextField label={t('tr.topic')} required value={v.topic} error={form.errorOf('topic')} onChange={(e) => form.set('topic', e.target.value)} autoFocus />
      <div className="prog-row">
        <DateField label={t('tr.startsOn')} required value={v.startsOn} error={form.errorOf('startsAt')} onChange={(d) => form.set('startsOn', d)} />
        <TimeField label={t('tr.startsTime')} required value={v.startsTime} onChange={(h) => form.set('startsTime', h)} />
      </div>
      <div className="prog-row">
        <DateField label={t('tr.endsOn')} required value={v.endsOn} error={form.errorOf('endsAt')} onChange={(d) => form.set('endsOn', d)} />
        <TimeField label={t('tr.endsTime')} required value={v.endsTime} onChange={(h) => form.set('endsTime', h)} />
      </div>
      <div className="prog-row">
        <SelectField label={t('tr.mode')} value={v.mode} onChange={(e) => form.set('mode', e.target.value as 'offline' | 'online')}>
          <option value="offline">{t('tr.mode.offline')}</option>
          <option value="online">{t('tr.mode.online')}</option>
        </SelectField>
        {v.mode === 'offline' ? (
          <TextField label={t('tr.place')} required value={v.place} error={form.errorOf('place')} onChange={(e) => form.set('place', e.target.value)} />
        ) : (
          <TextField label={t('tr.link')} required value={v.link} error={form.errorOf('link')} onChange={(e) => form.set('link', e.target.value)} />
        )}
      </div>
      <div className="prog-row">
        <TextField
          label={t('tr.capacity')}
          inputMode="numeric"
          required
          value={v.capacity}
          error={form.errorOf('capacity')}
          onChange={(e) => form.set('capacity', e.target.value)}
        />
        <TextField label={t('tr.trainer')} required value={v.trainer} error={form.errorOf('trainer')} onChange={(e) => form.set('trainer', e.target.value)} />
      </div>
      <SelectField label={t('tr.skpd')} value={v.skpd} onChange={(e) => form.set('skpd', e.target.value as Skpd)}>
        {SKPD_OPTIONS.map((code) => (
          <option key={code} value={code}>
            {t(`reg.skpd.${code}`)}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button button--primary" disabled={form.busy}>
        {form.busy ? t('common.saving') : t('tr.create')}
      </button>
    </form>
  );
}
