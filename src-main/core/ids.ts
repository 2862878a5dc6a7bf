import { randomBytes } from 'node:crypto';

/** Creates record ids. Injected so tests can make them deterministic. */
export type IdGenerator = () => string;

/**
 * UUIDv7 (RFC 9562): 48-bit millisecond timestamp then random bits. Time-ordered ids keep
 * B-tree inserts at the end of the index, and random bits let records from many districts
 * merge without clashes.
 */
export function uuidv7(now: () => number = Date.now): IdGenerator {
  let lastMs = 0;
  let counter = 0;
  // Random bytes drawn in bulk: one system call per 256 ids instead of one per id.
  let pool = Buffer.alloc(0);
  let offset = 0;
  const random16 = () => {
    if (offset + 16 > pool.length) {
      pool = randomBytes(16 * 256);
      offset = 0;
    }
    offset += 16;
    return Buffer.from(pool.subarray(offset - 16, offset));
  };
  return () => {
    let ms = now();
    if (ms <= lastMs) {
      // Same millisecond (or a clock step back): keep ids strictly increasing.
      ms = lastMs;
      counter += 1;
    } else {
      lastMs = ms;
      counter = 0;
    }
    const bytes = random16();
    bytes.writeUIntBE(ms, 0, 6);
    // 12-bit counter in rand_a keeps order within one millisecond.
    bytes[6] = 0x70 | ((counter >> 8) & 0x0f);
    bytes[7] = counter & 0xff;
    bytes[8] = 0x80 | (bytes[8] & 0x3f);
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}
