import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';

type Work<T> = (trx: Transaction<DB>) => Promise<T>;

interface Job {
  work: Work<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * Group commit for mutations. With synchronous=FULL every commit waits for the disk, which caps
 * one-call-one-commit at a few hundred writes a second on an ordinary office PC. Calls that
 * arrive while a commit is under way therefore join the next transaction together, each inside
 * its own savepoint: a call that fails rolls back to its savepoint and writes nothing, the others
 * keep their writes, and one commit makes them all durable. No call hears "saved" before the
 * commit holding its writes has succeeded; if that commit fails, every call in it fails.
 * A call that arrives when nothing is running starts on the next turn of the event loop: calls
 * answered together come back together (their next calls arrive in the same turn), and share
 * the next commit instead of one of them taking a commit of its own. A quiet office waits for
 * nothing longer than that turn.
 */
export interface GroupCommit {
  <T>(work: Work<T>): Promise<T>;
  /** Resolves once every queued call has committed or failed (before closing the database). */
  idle(): Promise<void>;
}

export function createGroupCommit(db: Kysely<DB>, maxBatch = 100): GroupCommit {
  const queue: Job[] = [];
  let draining: Promise<void> | null = null;

  async function runBatch(batch: Job[]) {
    // A call alone in its batch needs no savepoint: its failure rolls the transaction back.
    if (batch.length === 1) return runAlone(batch[0]);
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    const trx = await db.startTransaction().execute();
    try {
      for (const job of batch) {
        // Calls run one after another: savepoints nest, so interleaving them would let one
        // call's rollback undo another's writes.
        const sp = await trx.savepoint('call').execute();
        try {
          const value = await job.work(sp);
          await sp.releaseSavepoint('call').execute();
          outcomes.push({ ok: true, value });
        } catch (error) {
          await sp.rollbackToSavepoint('call').execute();
          await sp.releaseSavepoint('call').execute();
          outcomes.push({ ok: false, error });
        }
      }
      await trx.commit().execute();
    } catch (error) {
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      for (const job of batch) job.reject(error);
      return;
    }
    batch.forEach((job, i) => {
      const o = outcomes[i];
      if (o.ok) job.resolve(o.value);
      else job.reject(o.error);
    });
  }

  async function runAlone(job: Job) {
    const trx = await db.startTransaction().execute();
    let value: unknown;
    try {
      value = await job.work(trx);
      await trx.commit().execute();
    } catch (error) {
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      job.reject(error);
      return;
    }
    job.resolve(value);
  }

  async function drain() {
    try {
      while (queue.length > 0) await runBatch(queue.splice(0, maxBatch));
    } finally {
      draining = null;
    }
  }

  const inTransaction = <T>(work: Work<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve, reject });
      draining ??= new Promise<void>((r) => setImmediate(r)).then(drain);
    });
  return Object.assign(inTransaction, {
    idle: async () => {
      while (draining) await draining;
    },
  });
}
