/**
 * Lets one piece of work run alone: calls that arrive meanwhile wait at the gate, calls already
 * under way finish first. A restore swaps the database file under the app, so nothing may be
 * reading or writing while it does.
 */
export function createCallGate() {
  let inFlight = 0;
  let closed: Promise<void> | null = null;
  let drained: (() => void) | null = null;

  const settle = () => {
    if (drained) drained();
  };

  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      while (closed) await closed;
      inFlight += 1;
      try {
        return await work();
      } finally {
        inFlight -= 1;
        settle();
      }
    },
    /** Runs `work` once the other calls are done; `fromCall` when invoked by one of the calls itself. */
    async alone<T>(work: () => Promise<T>, fromCall: boolean): Promise<T> {
      while (closed) await closed;
      let open!: () => void;
      closed = new Promise<void>((resolve) => (open = resolve));
      const others = () => inFlight - (fromCall ? 1 : 0);
      try {
        while (others() > 0) await new Promise<void>((resolve) => (drained = resolve));
        drained = null;
        return await work();
      } finally {
        closed = null;
        open();
      }
    },
  };
}
