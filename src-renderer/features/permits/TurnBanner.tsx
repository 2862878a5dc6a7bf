import type { Output } from '../../app/api';
import { useI18n } from '../../app/i18n';

type Turn = Output<'permits.get'>['turn'];

/** Whose move the permit waits for, in plain words: "giliran Anda: …" or "menunggu supervisor: …". */
export function TurnBanner({ turn }: { turn: Turn }) {
  const { t } = useI18n();
  const action = t(`permits.turn.action.${turn.action}` as 'permits.turn.action.done');
  const text =
    turn.holder === null
      ? action
      : turn.mine
        ? t('permits.turn.yours', { action })
        : t('permits.turn.waiting', { who: t(`permits.turn.holder.${turn.holder}` as 'permits.turn.holder.loket'), action });
  return (
    <div className={`permits-turn${turn.mine ? ' permits-turn--mine' : ''}${turn.holder === null ? ' permits-turn--done' : ''}`} role="status">
      <span className="permits-turn__label">{t('permits.turn.label')}</span> {text}
    </div>
  );
}
