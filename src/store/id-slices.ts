/**
 * Reads rows for a list of ids a slice at a time: one `in` list of thousands would pass SQLite's
 * limit on a statement's parameters (and PostgreSQL's, at 65 535), and the command would fail.
 */
const sliceSize = 500;

export async function readInSlices<Row>(ids: readonly string[], read: (slice: string[]) => Promise<readonly Row[]>): Promise<Row[]> {
  const slices = Array.from({ length: Math.ceil(ids.length / sliceSize) }, (_, i) => ids.slice(i * sliceSize, (i + 1) * sliceSize));
  return (await Promise.all(slices.map(read))).flat();
}

/** Rows read by id (in slices, so in no order of the database's) put back in the order a query found the ids. */
export function inIdOrder<Row extends { id: string }>(found: readonly { id: string }[], rows: readonly Row[]): Row[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return found.flatMap((r) => byId.get(r.id) ?? []);
}
