import type SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, SelectQueryNode, SqliteAdapter, SqliteDialect, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';
import type { DB } from './schema';

/** What a connection needs from better-sqlite3: prepare (through the statement cache). */
export interface PreparingHandle {
  prepare(sql: string): SQLite.Statement;
  close(): void;
}

/**
 * better-sqlite3 answers at once, Kysely's driver expects promises: runs `work` now and gives its
 * result as a promise, or what it threw as the promise's rejection (as an async function would).
 */
function settled<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => {
    resolve(work());
  });
}

class ReaderConnection implements DatabaseConnection {
  constructor(readonly handle: PreparingHandle) {}

  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    return settled(() => {
      const stmt = this.handle.prepare(compiled.sql);
      if (stmt.reader) return { rows: stmt.all(compiled.parameters) as R[] };
      // A write on a read-only connection fails here with SQLITE_READONLY, as it should.
      const { changes } = stmt.run(compiled.parameters);
      return { rows: [], numAffectedRows: BigInt(changes) };
    });
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- Kysely streams through an async iterator; better-sqlite3 iterates synchronously, so there is nothing to await
  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiled.query)) throw new Error('Only select queries can be streamed');
    const stmt = this.handle.prepare(compiled.sql);
    for (const row of stmt.iterate(compiled.parameters)) yield { rows: [row as R] };
  }
}

/**
 * Several read-only connections behind one Kysely instance. Kysely's own SQLite driver has one
 * connection and a mutex, so a read transaction would wait for any other transaction on it;
 * here each read transaction takes a connection of its own (and waits only when all are busy),
 * and WAL gives each one a consistent snapshot that a writer never blocks.
 */
class ReaderPoolDriver implements Driver {
  // Kysely hands back the connections it was given: idle and waiting deal in its interface.
  readonly #idle: DatabaseConnection[];
  readonly #all: ReaderConnection[];
  readonly #waiting: ((c: DatabaseConnection) => void)[] = [];

  constructor(handles: PreparingHandle[]) {
    this.#all = handles.map((h) => new ReaderConnection(h));
    this.#idle = [...this.#all];
  }

  init(): Promise<void> {
    // The connections are open already.
    return Promise.resolve();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const free = this.#idle.pop();
    if (free) return free;
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return settled(() => {
      const next = this.#waiting.shift();
      if (next) next(connection);
      else this.#idle.push(connection);
    });
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  destroy(): Promise<void> {
    return settled(() => {
      for (const c of this.#all) c.handle.close();
    });
  }
}

class PooledAdapter extends SqliteAdapter {
  override get supportsMultipleConnections(): boolean {
    return true;
  }
}

class ReaderPoolDialect extends SqliteDialect {
  constructor(private readonly handles: PreparingHandle[]) {
    super({ database: undefined as never });
  }
  override createDriver(): Driver {
    return new ReaderPoolDriver(this.handles);
  }
  override createAdapter() {
    return new PooledAdapter();
  }
}

/** One Kysely instance over several read-only connections. */
export function readerKysely(handles: PreparingHandle[]): Kysely<DB> {
  return new Kysely<DB>({ dialect: new ReaderPoolDialect(handles) });
}
