import { useState } from 'react';
import { useApiQuery } from '../../app/data';
import { useUser } from '../../app/session';

/** The pendamping a screen works for: the user when a pendamping, else one chosen from the list. */
export function usePendampingChoice() {
  const me = useUser();
  const query = useApiQuery('users.pendamping', {});
  const list = query.data ?? [];
  const [picked, setChosen] = useState<string>(me.isPendamping ? me.id : '');
  // Until someone is picked, the first pendamping of the list.
  const chosen = picked || list[0]?.id || '';
  return { list, chosen, setChosen, me, error: query.error };
}
