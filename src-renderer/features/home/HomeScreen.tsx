import { useApiQuery } from '../../app/data';
import { formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useUser } from '../../app/session';
import { WorkPanel } from '../permits';
import { Notice } from '../../components/Notice';

export function HomeScreen() {
  const { t } = useI18n();
  const user = useUser();
  const { data: office, error } = useApiQuery('office.get', {});
  return (
    <section className="screen home">
      <h1>{t('home.welcome', { name: user.fullName })}</h1>
      {/* What waits for this role comes first: the counter and the supervisor start from here. */}
      <WorkPanel />
      {user.role === 'admin' && <p>{t('home.intro')}</p>}
      <Notice kind="error">{error}</Notice>
      {office && (
        <div className="cards">
          <div className="card">
            <div className="card__label">{t('home.office')}</div>
            <div className="card__value card__value--text">{office.name}</div>
            <div className="card__note">
              {office.kecamatanNama}, {office.kotaNama}
            </div>
          </div>
          <div className="card">
            <div className="card__label">{t('home.target')}</div>
            <div className="card__value">{formatNumber(office.yearlyTarget)}</div>
          </div>
        </div>
      )}
    </section>
  );
}
