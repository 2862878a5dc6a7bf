import type SQLite from 'better-sqlite3';
import { verifySignedText } from '../signing';
import { entryHash, GENESIS_HASH, type ChainedEntry } from './chain';
import { CHECKPOINT_TYPE } from './checkpoint';

export interface AuditProblem {
  /** The entry (or checkpoint) where the trail stops being trustworthy. */
  seq: number | null;
  id: string;
  message: string;
}

export interface AuditVerdict {
  ok: boolean;
  entries: number;
  checkpoints: number;
  /** Entries after the newest valid checkpoint: covered by the chain, not yet by a signature. */
  unsigned: number;
  problems: AuditProblem[];
}

const MAX_PROBLEMS = 20;

type Row = Omit<ChainedEntry, 'seq' | 'prev_hash' | 'hash'> & { seq: number | null; prev_hash: string | null; hash: string | null };

const describe = (r: { seq: number | null; id: string; at: string; method: string }) =>
  `${r.seq === null ? '' : `#${r.seq} `}(id ${r.id}, ${r.at}, ${r.method})`;

/**
 * Walks the whole audit chain and its checkpoints on a raw connection (read-only is enough).
 * Reports the first entry where the chain breaks, then any further breaks, and every
 * checkpoint whose signature or position does not hold. `publicKeyFor` defaults to the
 * office's own key in the same file.
 */
export function verifyAuditTrail(sqlite: SQLite.Database, publicKeyFor?: (kid: string) => string | undefined): AuditVerdict {
  const problems: AuditProblem[] = [];
  const add = (p: AuditProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  const office = sqlite.prepare('select key_id, public_key from office limit 1').get() as { key_id: string; public_key: string } | undefined;
  const keyFor = publicKeyFor ?? ((kid: string) => (office?.key_id === kid ? office.public_key : undefined));

  // Checkpoints first: the walk then checks each one's entry as it passes it.
  const checkpoints = sqlite.prepare('select id, seq, at, reason, key_id, signed from audit_checkpoints order by seq, at').all() as {
    id: string;
    seq: number;
    at: string;
    reason: string;
    signed: string;
  }[];
  const wanted = new Map<number, { id: string; hash: string }[]>();
  for (const c of checkpoints) {
    const v = verifySignedText(c.signed, keyFor);
    const p = v.ok ? v.payload : null;
    if (!v.ok || p?.t !== CHECKPOINT_TYPE || p.seq !== c.seq || typeof p.hash !== 'string') {
      add({
        seq: c.seq,
        id: c.id,
        message: `Titik periksa audit ${c.id} (#${c.seq}, ${c.at}) tidak sah: ${v.ok ? 'isinya tidak sesuai dengan barisnya' : v.message}`,
      });
      continue;
    }
    const list = wanted.get(c.seq) ?? [];
    list.push({ id: c.id, hash: p.hash });
    wanted.set(c.seq, list);
  }

  let entries = 0;
  let prev: { seq: number; hash: string; id: string; at: string; method: string } | null = null;
  let lastSignedSeq = 0;
  const rows = sqlite.prepare('select * from audit_log order by seq is null, seq, rowid').iterate() as IterableIterator<Row>;
  for (const r of rows) {
    entries += 1;
    if (r.seq === null || r.hash === null || r.prev_hash === null) {
      add({ seq: null, id: r.id, message: `Entri audit ${describe(r)} tidak termasuk rantai: disisipkan di luar aplikasi.` });
      continue;
    }
    const expectedSeq: number = (prev?.seq ?? 0) + 1;
    const expectedPrev: string = prev?.hash ?? GENESIS_HASH;
    if (r.seq !== expectedSeq) {
      const gap =
        r.seq > expectedSeq
          ? `entri #${expectedSeq}${r.seq - 1 > expectedSeq ? `–#${r.seq - 1}` : ''} hilang (dihapus)`
          : `nomor urut #${r.seq} dipakai dua kali`;
      add({ seq: r.seq, id: r.id, message: `Sebelum entri audit ${describe(r)}: ${gap}.` });
    } else if (r.prev_hash !== expectedPrev) {
      add({
        seq: r.seq,
        id: r.id,
        message: `Entri audit ${describe(r)} tidak menyambung dengan entri sebelumnya${prev ? ` ${describe(prev)}` : ''}: ada entri yang disisipkan, dihapus atau diubah di antaranya.`,
      });
    } else if (entryHash(r.prev_hash, r.seq, r) !== r.hash) {
      add({ seq: r.seq, id: r.id, message: `Entri audit ${describe(r)} telah diubah: isinya tidak cocok dengan hash-nya.` });
    }
    for (const c of wanted.get(r.seq) ?? []) {
      if (c.hash !== r.hash)
        add({
          seq: r.seq,
          id: r.id,
          message: `Entri audit ${describe(r)} tidak sama dengan yang ditandatangani pada titik periksa ${c.id}: riwayat sebelumnya telah ditulis ulang.`,
        });
      else lastSignedSeq = Math.max(lastSignedSeq, r.seq);
    }
    wanted.delete(r.seq);
    prev = { seq: r.seq, hash: r.hash, id: r.id, at: r.at, method: r.method };
  }
  for (const [seq, list] of wanted) {
    for (const c of list)
      add({
        seq,
        id: c.id,
        message: `Titik periksa ${c.id} menandatangani entri audit #${seq}, tetapi entri itu tidak ada lagi: entri terakhir telah dihapus.`,
      });
  }
  problems.sort((a, b) => (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER));
  return { ok: problems.length === 0, entries, checkpoints: checkpoints.length, unsigned: Math.max(0, (prev?.seq ?? 0) - lastSignedSeq), problems };
}
