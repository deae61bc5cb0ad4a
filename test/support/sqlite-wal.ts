/**
 * A reader of SQLite's write-ahead log, as someone holding a copy of `council.db-wal` would write
 * one: https://www.sqlite.org/fileformat2.html#walformat. Frames are accepted exactly as SQLite
 * accepts them on recovery (salts equal to the header's, the cumulative checksum right), so frames
 * left over from before the log was last restarted are not mistaken for current ones.
 */
export interface WalCommit {
  /** Pages written by this transaction, in the order its frames hold them (a page may repeat). */
  readonly pages: { readonly number: number; readonly data: Buffer }[];
  /** The database's size in pages after the commit. */
  readonly dbPages: number;
}

export interface Wal {
  readonly pageSize: number;
  readonly commits: WalCommit[];
}

const magicLittleEndian = 0x377f0682;
const magicBigEndian = 0x377f0683;

function checksum(data: Buffer, bigEndian: boolean, start: readonly [number, number]): [number, number] {
  let [s0, s1] = start;
  for (let i = 0; i + 8 <= data.length; i += 8) {
    const x0 = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const x1 = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

/** The valid commits of a WAL file, oldest first; an empty or absent log has none. */
export function readWal(wal: Buffer | null): Wal {
  if (!wal || wal.length < 32) return { pageSize: 0, commits: [] };
  const magic = wal.readUInt32BE(0);
  if (magic !== magicLittleEndian && magic !== magicBigEndian) return { pageSize: 0, commits: [] };
  const bigEndian = magic === magicBigEndian;
  const pageSize = wal.readUInt32BE(8) === 1 ? 65536 : wal.readUInt32BE(8);
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  let sum = checksum(wal.subarray(0, 24), bigEndian, [0, 0]);
  if (sum[0] !== wal.readUInt32BE(24) || sum[1] !== wal.readUInt32BE(28)) return { pageSize, commits: [] };

  const commits: WalCommit[] = [];
  let pending: { number: number; data: Buffer }[] = [];
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    const header = wal.subarray(at, at + 24);
    const data = wal.subarray(at + 24, at + 24 + pageSize);
    if (header.readUInt32BE(8) !== salt1 || header.readUInt32BE(12) !== salt2) break;
    sum = checksum(data, bigEndian, checksum(header.subarray(0, 8), bigEndian, sum));
    if (sum[0] !== header.readUInt32BE(16) || sum[1] !== header.readUInt32BE(20)) break;
    pending.push({ number: header.readUInt32BE(0), data: Buffer.from(data) });
    const dbPages = header.readUInt32BE(4);
    if (dbPages !== 0) {
      commits.push({ pages: pending, dbPages });
      pending = [];
    }
  }
  // Frames after the last commit frame belong to a transaction that never committed.
  return { pageSize, commits };
}

/**
 * The database file as it stood after each commit: the main file with the log's commits applied
 * one by one. Each image is marked as a rollback-journal database (header bytes 18–19), so it can
 * be opened on its own, without a log or shared-memory file.
 */
export function* replayWal(main: Buffer, wal: Wal): Generator<{ image: Buffer; commit: WalCommit; index: number }> {
  let image = Buffer.from(main);
  for (const [index, commit] of wal.commits.entries()) {
    const next = Buffer.alloc(commit.dbPages * wal.pageSize);
    image.copy(next, 0, 0, Math.min(image.length, next.length));
    for (const page of commit.pages) page.data.copy(next, (page.number - 1) * wal.pageSize);
    image = next;
    yield { image: asRollbackJournalDatabase(image), commit, index };
  }
}

export function asRollbackJournalDatabase(image: Buffer): Buffer {
  const copy = Buffer.from(image);
  if (copy.length >= 100) {
    copy[18] = 1;
    copy[19] = 1;
  }
  return copy;
}
