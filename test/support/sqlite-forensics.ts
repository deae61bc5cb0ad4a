import Database from "better-sqlite3";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { contains, fixedPoints, kendallTau, offsetsOf } from "./order-statistics.ts";
import { ballotMarks, type Voter } from "./secret-election.ts";
import { asRollbackJournalDatabase, readWal, replayWal } from "./sqlite-wal.ts";

/** The database files as a backup taken at this moment would hold them. */
export interface FileCopy {
  readonly main: Buffer;
  readonly wal: Buffer | null;
}

export function copyDatabaseFiles(path: string): FileCopy {
  return { main: readFileSync(path), wal: existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`) : null };
}

/** Every row of every table, one JSON line each (a multiset), read from a database image. */
function tableRows(image: Buffer): Map<string, number> | null {
  const folder = mkdtempSync(join(tmpdir(), "secrecy-image-"));
  const path = join(folder, "image.db");
  writeFileSync(path, image);
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const rows = new Map<string, number>();
      const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[];
      for (const { name } of tables) {
        for (const row of db.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).all()) {
          const line = `${name} ${JSON.stringify(row, (_, v) => (typeof v === "bigint" ? v.toString() : Buffer.isBuffer(v) ? v.toString("latin1") : v))}`;
          rows.set(line, (rows.get(line) ?? 0) + 1);
        }
      }
      return rows;
    } finally {
      db.close();
    }
  } catch {
    // An image the log left inconsistent (pages already checkpointed) can't be read as tables;
    // the byte-level checks still apply to it.
    return null;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function changedRows(before: Map<string, number> | null, after: Map<string, number> | null): string[] {
  if (!before || !after) return [];
  const changed: string[] = [];
  for (const [line, n] of after) if ((before.get(line) ?? 0) !== n) changed.push(line);
  for (const [line, n] of before) if (!after.has(line) && n > 0) changed.push(line);
  return changed;
}

export interface WalReplayFindings {
  readonly commits: number;
  /** Commits that changed exactly one voter's rows and showed that voter's ballot for the first time. */
  readonly links: string[];
}

/**
 * Attack 1: replay the log commit by commit. A commit that changes rows naming exactly one voter
 * (the roll's "has voted", or anything else holding their person id) and in which that voter's
 * receipt or exact ranking appears for the first time — in the pages it wrote or in the rows it
 * added — ties that voter to their ballot.
 */
export function walReplayLinks(copy: FileCopy, voters: readonly Voter[]): WalReplayFindings {
  const wal = readWal(copy.wal);
  const links: string[] = [];
  let previousImage = asRollbackJournalDatabase(copy.main);
  let previousRows = tableRows(previousImage);
  for (const { image, commit } of replayWal(copy.main, wal)) {
    const rows = tableRows(image);
    const changed = changedRows(previousRows, rows);
    const touched = voters.filter((v) => changed.some((line) => line.includes(v.personId)));
    const written = Buffer.concat(commit.pages.map((p) => p.data));
    const firstSeen = (mark: string) =>
      (contains(written, mark) && !contains(previousImage, mark)) || changed.some((line) => line.includes(mark));
    if (touched.length === 1) {
      const [voter] = touched;
      const seen = ballotMarks(voter!).filter(firstSeen);
      if (seen.length > 0) links.push(`${voter!.name} ↔ ${seen.join(" / ")}`);
    }
    previousImage = image;
    previousRows = rows;
  }
  return { commits: wal.commits.length, links };
}

/** Which voters' receipts (or exact rankings) can be read anywhere in the files' bytes. */
export function ballotsInPlaintext(copy: FileCopy, voters: readonly Voter[]): string[] {
  const files = [copy.main, copy.wal ?? Buffer.alloc(0)];
  return voters.filter((v) => ballotMarks(v).some((mark) => files.some((f) => contains(f, mark)))).map((v) => v.name);
}

/** The main file after `PRAGMA wal_checkpoint(TRUNCATE)` on a copy, as a backup tool would leave it. */
export function checkpointedCopy(copy: FileCopy): Buffer {
  const folder = mkdtempSync(join(tmpdir(), "secrecy-checkpoint-"));
  const path = join(folder, "copy.db");
  try {
    writeFileSync(path, copy.main);
    if (copy.wal) writeFileSync(`${path}-wal`, copy.wal);
    const db = new Database(path);
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.close();
    return readFileSync(path);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export interface ByteOrderFindings {
  /** Voters whose receipt was found in the file. */
  readonly found: number;
  /** For each way of ordering the receipts by where they lie, the positions that match the voting order. */
  readonly matches: Record<string, number>;
  readonly tau: number;
}

/**
 * Attack 2: order the receipts by where they lie in the file (first or last copy, forwards or
 * backwards, and pages forwards with cells backwards as SQLite fills a page from its end), and
 * compare each order with the voting order.
 */
export function byteOrderMatches(file: Buffer, voters: readonly Voter[], pageSize = file.length >= 100 ? file.readUInt16BE(16) : 4096): ByteOrderFindings {
  const size = pageSize === 1 ? 65536 : pageSize;
  const located = voters
    .map((voter) => ({ voter, offsets: offsetsOf(file, voter.receipt!) }))
    .filter((v) => v.offsets.length > 0)
    .map(({ voter, offsets }) => ({ voter, first: Math.min(...offsets), last: Math.max(...offsets) }));
  const truth = located.map((l) => l.voter);
  const orderBy = (key: (l: (typeof located)[number]) => number) => [...located].sort((a, b) => key(a) - key(b)).map((l) => l.voter);
  const pageThenCellDown = (offset: number) => Math.floor(offset / size) * size * 2 + (size - (offset % size));
  const orders = {
    "first copy, ascending": orderBy((l) => l.first),
    "first copy, descending": orderBy((l) => -l.first),
    "last copy, ascending": orderBy((l) => l.last),
    "last copy, descending": orderBy((l) => -l.last),
    "pages ascending, cells descending": orderBy((l) => pageThenCellDown(l.first)),
  };
  const matches = Object.fromEntries(Object.entries(orders).map(([name, order]) => [name, fixedPoints(order, truth)]));
  return { found: located.length, matches, tau: kendallTau(orders["first copy, ascending"], truth) };
}
