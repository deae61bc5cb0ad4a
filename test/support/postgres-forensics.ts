import pg from "pg";
import { contains, fixedPoints, kendallTau } from "./order-statistics.ts";
import { testPostgresUrl } from "./postgres.ts";
import { ballotMarks, type Voter } from "./secret-election.ts";

/**
 * What someone can read of one test's PostgreSQL schema: as a plain read-only SQL user (rows with
 * their system columns xmin, xmax, ctid), and as whoever holds the data files (every tuple of every
 * page, live or dead, through the pageinspect extension, which reads exactly what the files hold).
 */
export interface Tuple {
  readonly table: string;
  readonly xmin: string;
  readonly xmax: string;
  /** SQL reader: the row as text. Data files: the tuple's raw bytes. */
  readonly data: Buffer;
  /** [page, item]; for raw tuples the line pointer. */
  readonly at: readonly [number, number];
  /** Data files only: whether a plain SELECT still sees it. */
  readonly live?: boolean;
  /** Data files only: written by an UPDATE (a new version of a row) rather than an INSERT. */
  readonly updated?: boolean;
}

export async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: testPostgresUrl });
  await client.connect();
  return client;
}

const qualified = (schema: string, table: string) => `${pg.escapeIdentifier(schema)}.${pg.escapeIdentifier(table)}`;

async function tables(client: pg.Client, schema: string): Promise<string[]> {
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name`,
    [schema],
  );
  return rows.map((r) => r.table_name);
}

/** Every visible row of every table, as a read-only SQL user sees it. */
export async function sqlReaderRows(client: pg.Client, schema: string): Promise<Tuple[]> {
  const found: Tuple[] = [];
  for (const table of await tables(client, schema)) {
    const { rows } = await client.query<{ xmin: string; xmax: string; ctid: string; row: string }>(
      `SELECT xmin::text AS xmin, xmax::text AS xmax, ctid::text AS ctid, t::text AS row FROM ${qualified(schema, table)} t`,
    );
    for (const r of rows) {
      const [page, item] = r.ctid.slice(1, -1).split(",").map(Number);
      found.push({ table, xmin: r.xmin, xmax: r.xmax, data: Buffer.from(r.row, "utf8"), at: [page!, item!] });
    }
  }
  return found;
}

/** Creates pageinspect if it is missing and this role may; false where it can't be had. */
export async function pageinspectAvailable(client: pg.Client): Promise<boolean> {
  try {
    await client.query("CREATE EXTENSION IF NOT EXISTS pageinspect SCHEMA public");
    return true;
  } catch {
    return false;
  }
}

async function relations(client: pg.Client, schema: string): Promise<{ name: string; kind: string; pages: number }[]> {
  const { rows } = await client.query<{ name: string; kind: string; pages: string }>(
    `SELECT c.relname AS name, c.relkind::text AS kind,
            (pg_relation_size(c.oid) / current_setting('block_size')::int)::text AS pages
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'i')`,
    [schema],
  );
  return rows.map((r) => ({ name: r.name, kind: r.kind, pages: Number(r.pages) }));
}

/** t_infomask's HEAP_UPDATED bit (src/include/access/htup_details.h). */
const heapUpdated = 0x2000;

/** Every tuple on every page of every table, including dead versions not yet vacuumed away. */
export async function dataFileTuples(client: pg.Client, schema: string): Promise<Tuple[]> {
  const found: Tuple[] = [];
  for (const rel of await relations(client, schema)) {
    if (rel.kind !== "r" || rel.pages === 0) continue;
    const name = qualified(schema, rel.name);
    const { rows } = await client.query<{ blk: number; lp: number; t_xmin: string; t_xmax: string; t_data: Buffer; t_infomask: number }>(
      `SELECT b.blk, h.lp, h.t_xmin::text AS t_xmin, h.t_xmax::text AS t_xmax, h.t_data, h.t_infomask
         FROM generate_series(0, $2::int - 1) AS b(blk), public.heap_page_items(public.get_raw_page($1, b.blk)) AS h
        WHERE h.lp_flags = 1 AND h.t_data IS NOT NULL`,
      [name, rel.pages],
    );
    const { rows: live } = await client.query<{ ctid: string }>(`SELECT ctid::text AS ctid FROM ${name}`);
    const visible = new Set(live.map((r) => r.ctid));
    for (const r of rows) {
      found.push({ table: rel.name, xmin: r.t_xmin, xmax: r.t_xmax, data: r.t_data, at: [r.blk, r.lp], live: visible.has(`(${r.blk},${r.lp})`), updated: (r.t_infomask & heapUpdated) !== 0 });
    }
  }
  return found;
}

/** The raw bytes of every page of every table and index. */
export async function dataFilePages(client: pg.Client, schema: string): Promise<Buffer> {
  const pages: Buffer[] = [];
  for (const rel of await relations(client, schema)) {
    if (rel.pages === 0) continue;
    const { rows } = await client.query<{ page: Buffer }>(
      `SELECT public.get_raw_page($1, b.blk) AS page FROM generate_series(0, $2::int - 1) AS b(blk)`,
      [qualified(schema, rel.name), rel.pages],
    );
    pages.push(...rows.map((r) => r.page));
  }
  return Buffer.concat(pages);
}

const marks = (tuple: Tuple, voter: Voter) => ballotMarks(voter).some((mark) => contains(tuple.data, mark));

/**
 * Links through transaction ids: tuples written or deleted by the same transaction. A transaction
 * that touched rows naming exactly one voter and wrote or deleted a tuple holding that voter's
 * receipt or ranking ties the two (a vote's transaction does, if the roll and the ballot share it).
 */
export function transactionLinks(tuples: readonly Tuple[], voters: readonly Voter[]): string[] {
  const byXid = new Map<string, Tuple[]>();
  for (const tuple of tuples) {
    for (const xid of new Set([tuple.xmin, tuple.xmax])) {
      if (xid === "0") continue;
      byXid.set(xid, [...(byXid.get(xid) ?? []), tuple]);
    }
  }
  const links: string[] = [];
  for (const [xid, group] of byXid) {
    const named = voters.filter((v) => group.some((t) => contains(t.data, v.personId)));
    if (named.length !== 1) continue;
    const voter = named[0]!;
    const ballot = group.find((t) => !contains(t.data, voter.personId) && marks(t, voter));
    if (ballot) links.push(`${voter.name} ↔ ${ballot.table} via transaction ${xid}`);
  }
  return links;
}

/** Rows holding a receipt (anyone's) together with a voter's person id. */
export function receiptsBesideVoters(tuples: readonly Tuple[], voters: readonly Voter[]): string[] {
  return tuples
    .filter((t) => voters.some((v) => contains(t.data, v.personId)) && voters.some((v) => v.receipt && contains(t.data, v.receipt)))
    .map((t) => `${t.table} (${t.at.join(",")})`);
}

/** Voters whose receipt or ranking can be read in some tuple or byte. */
export function readableBallots(data: readonly Buffer[], voters: readonly Voter[]): string[] {
  return voters.filter((v) => ballotMarks(v).some((mark) => data.some((d) => contains(d, mark)))).map((v) => v.name);
}

/**
 * Physical order: in each table holding receipts, the rows sorted by ctid (forwards and
 * backwards), compared with the voting order. Returns the matches per table and direction.
 */
export function ctidOrderMatches(tuples: readonly Tuple[], voters: readonly Voter[]): { order: string; found: number; matches: number; tau: number }[] {
  const results: { order: string; found: number; matches: number; tau: number }[] = [];
  for (const table of new Set(tuples.map((t) => t.table))) {
    const rows = tuples
      .filter((t) => t.table === table)
      .map((t) => ({ t, voter: voters.find((v) => v.receipt && contains(t.data, v.receipt)) }))
      .filter((r): r is { t: Tuple; voter: Voter } => r.voter !== undefined)
      .sort((a, b) => a.t.at[0] - b.t.at[0] || a.t.at[1] - b.t.at[1]);
    if (rows.length === 0) continue;
    const seen = rows.map((r) => r.voter).filter((v, i, all) => all.indexOf(v) === i);
    const truth = voters.filter((v) => seen.includes(v));
    results.push({ order: `${table} by ctid`, found: seen.length, matches: fixedPoints(seen, truth), tau: kendallTau(seen, truth) });
    const backwards = [...seen].reverse();
    // Reversing an order only flips tau's sign, so one |tau| covers both directions.
    results.push({ order: `${table} by ctid, backwards`, found: seen.length, matches: fixedPoints(backwards, truth), tau: 0 });
  }
  return results;
}

/**
 * Tables that held ballots: those with tuples holding receipts or rankings, or with rows a vote's
 * transaction inserted (a sealed ballot, whatever it looks like) that name no voter. A row a vote
 * merely updates (a counter, say) does not make its table one.
 */
export function ballotTables(snapshots: readonly (readonly Tuple[])[], voters: readonly Voter[], voteXids: ReadonlySet<string>): Set<string> {
  const held = new Set<string>();
  for (const tuples of snapshots) {
    for (const t of tuples) {
      const names = voters.some((v) => contains(t.data, v.personId));
      if (voters.some((v) => marks(t, v)) || (!names && !t.updated && voteXids.has(t.xmin))) held.add(t.table);
    }
  }
  return held;
}

/** The transactions that wrote roll rows since `before`: the votes. */
export function voteTransactions(before: readonly Tuple[], after: readonly Tuple[], voters: readonly Voter[]): Set<string> {
  const earlier = new Set(before.map((t) => t.xmin));
  return new Set(after.filter((t) => !earlier.has(t.xmin) && voters.some((v) => contains(t.data, v.personId))).map((t) => t.xmin));
}
