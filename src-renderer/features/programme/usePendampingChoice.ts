import { useEffect, useState } from 'react';
import { invoke, type Output } from '../../app/api';
import { useUser } from '../../app/session';

/** The pendamping a screen works for: the user when a pendamping, else one chosen from the list. */
export function usePendampingChoice() {
  const me = useUser();
  const [list, setList] = useState<Output<'users.pendamping'>>([]);
  const [chosen, setChosen] = useState<string>(me.isPendamping ? me.id : '');
  useEffect(() => {
    invoke('users.pendamping', {})
      .then((rows) => {
        setList(rows);
        setChosen((c) => c || rows[0]?.id || '');
      })
      .catch(() => setList([]));
  }, []);
  return { list, chosen, setChosen, me };
}
