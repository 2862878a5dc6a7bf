import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n';

/**
 * Reloads what is already fetched when the user switches language: the server words its
 * answers (statuses, labels, checks, record texts) in the caller's language, so an answer
 * fetched before the switch is in the old one. What is on screen stays while it reloads.
 */
export function RefreshOnLocaleChange() {
  const client = useQueryClient();
  const { locale } = useI18n();
  const shown = useRef(locale);
  useEffect(() => {
    if (shown.current === locale) return;
    shown.current = locale;
    void client.invalidateQueries();
  }, [client, locale]);
  return null;
}
