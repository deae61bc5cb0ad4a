/**
 * Reads rows for a list of ids a slice at a time: one `in` list of thousands would pass SQLite's
 * limit on a statement's parameters (and PostgreSQL's, at 65 535), and the command would fail.
 */
const sliceSize = 500;

export async function readInSlices<Row>(ids: readonly string[], read: (slice: string[]) => Promise<readonly Row[]>): Promise<Row[]> {
  const slices = Array.from({ length: Math.ceil(ids.length / sliceSize) }, (_, i) => ids.slice(i * sliceSize, (i + 1) * sliceSize));
  return (await Promise.all(slices.map(read))).flat();
}

/**
 * The rows of the ids a raw query found, read a slice at a time (so in no order of the database's)
 * and put back in the order the query found them.
 */
export async function rowsInIdOrder<Row extends { id: string }>(found: readonly { id: string }[], read: (slice: string[]) => Promise<readonly Row[]>): Promise<Row[]> {
  const byId = new Map((await readInSlices(found.map((r) => r.id), read)).map((row) => [row.id, row]));
  return found.flatMap((r) => byId.get(r.id) ?? []);
}
