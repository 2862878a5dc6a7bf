import { useI18n } from '../app/i18n';
import type { LongCall } from '../app/data';

/** While a long call runs: what it is doing, a progress bar, and Cancel. */
export function JobProgress({ job }: { job: LongCall }) {
  const { t } = useI18n();
  if (!job.running) return null;
  const s = job.status;
  const counted = s !== null && s.total > 0;
  return (
    <div className="job-progress" role="status">
      <span className="job-progress__stage">{job.cancelling ? t('job.cancelling') : s?.stage ? t(`job.stage.${s.stage}`) : t('job.working')}</span>
      {counted ? (
        <progress className="job-progress__bar" aria-label={t('job.working')} max={s.total} value={s.done} />
      ) : (
        <progress className="job-progress__bar" aria-label={t('job.working')} />
      )}
      {counted && s.total > 1 && <span className="job-progress__count">{t('job.count', { done: s.done, total: s.total })}</span>}
      <button type="button" className="button" onClick={job.cancel} disabled={job.cancelling}>
        {t('job.cancel')}
      </button>
    </div>
  );
}
