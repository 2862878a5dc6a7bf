import { useRoute } from '../../app/router';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/i18n';
import { TrainingsTab } from './TrainingsTab';
import { TrainingPage } from './TrainingPage';
import { MentoringTab } from './MentoringTab';
import { TurnoverGrid } from './TurnoverGrid';
import { FinancingTab } from './FinancingTab';
import { MemberPage } from './MemberPage';
import { SettingsTab } from './SettingsTab';
import { useCan } from '../../app/session';

const TABS: { path: string; label: MessageKey }[] = [
  { path: '/program', label: 'prog.tab.trainings' },
  { path: '/program/pendampingan', label: 'prog.tab.mentoring' },
  { path: '/program/omzet', label: 'prog.tab.turnover' },
  { path: '/program/permodalan', label: 'prog.tab.financing' },
];
const SETTINGS_TAB = { path: '/program/pengaturan', label: 'prog.tab.settings' as MessageKey };

/** Program 7P: trainings, mentoring, monthly turnover and financing, as tabs with sub-pages. */
export function ProgrammeScreen() {
  const { t } = useI18n();
  const { path } = useRoute();
  const can = useCan();
  const tabs = can('programme.saveSettings') ? [...TABS, SETTINGS_TAB] : TABS;
  const training = /^\/program\/pelatihan\/([^/]+)$/.exec(path);
  const member = /^\/program\/anggota\/([^/]+)$/.exec(path);
  const current = training ? '/program' : (tabs.find((tab) => tab.path === path)?.path ?? '/program');

  let body;
  if (training) body = <TrainingPage id={decodeURIComponent(training[1])} />;
  else if (member) body = <MemberPage id={decodeURIComponent(member[1])} />;
  else if (current === '/program/pendampingan') body = <MentoringTab />;
  else if (current === '/program/omzet') body = <TurnoverGrid />;
  else if (current === '/program/permodalan') body = <FinancingTab />;
  else if (current === '/program/pengaturan') body = <SettingsTab />;
  else body = <TrainingsTab />;

  return (
    <section className="screen">
      <header className="screen__header">
        <h1>{t('prog.title')}</h1>
      </header>
      <nav className="prog-tabs" aria-label={t('prog.title')}>
        {tabs.map((tab) => (
          <a key={tab.path} href={`#${tab.path}`} className="prog-tabs__tab" aria-current={!member && tab.path === current ? 'page' : undefined}>
            {t(tab.label)}
          </a>
        ))}
      </nav>
      {body}
    </section>
  );
}
