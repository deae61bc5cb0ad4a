import type pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { maxChanceMatches, maxChanceTau } from "../support/order-statistics.ts";
import { postgresAvailable } from "../support/postgres.ts";
import {
  ballotTables,
  connect,
  ctidOrderMatches,
  dataFilePages,
  dataFileTuples,
  pageinspectAvailable,
  readableBallots,
  receiptsBesideVoters,
  sqlReaderRows,
  transactionLinks,
  voteTransactions,
  type Tuple,
} from "../support/postgres-forensics.ts";
import { expectPublishedBallotsIntact, secretElection, voterCount, type SecretElection } from "../support/secret-election.ts";

/**
 * Ballot secrecy on PostgreSQL against a read-only SQL user (who sees xmin, xmax and ctid of every
 * row) and against whoever holds the data files (every tuple, dead ones included, read here with
 * pageinspect), during and after voting. They also know who voted in which order. They must not
 * link a voter to a ballot better than chance.
 */
const available = await postgresAvailable();
const half = voterCount / 2;

function expectChanceOrder(results: ReturnType<typeof ctidOrderMatches>) {
  for (const r of results) {
    expect.soft(r.matches, `${r.order}: receipts at the voting order's positions, of ${r.found}`).toBeLessThanOrEqual(maxChanceMatches);
    expect.soft(Math.abs(r.tau), `${r.order}: Kendall tau against voting order, ${r.found} receipts`).toBeLessThanOrEqual(maxChanceTau(r.found));
  }
}

describe.runIf(available).each(["stv", "yes-no"] as const)("ballot secrecy on PostgreSQL, %s", (method) => {
  let client: pg.Client;
  let raw: boolean;
  let election: SecretElection;
  beforeAll(async () => {
    client = await connect();
    raw = await pageinspectAvailable(client);
  });
  afterAll(() => client?.end());
  afterEach(() => election?.app.close());

  it("gives a SQL reader and a holder of the data files no link from voter to ballot, during or after voting", async () => {
    election = await secretElection(method, "postgresql");
    const schema = election.app.postgresSchema!;
    const { voters } = election;
    const cast = voters.slice(0, half);
    const snapshot = async () => ({ sql: await sqlReaderRows(client, schema), files: raw ? await dataFileTuples(client, schema) : ([] as Tuple[]) });

    const beforeVoting = await snapshot();
    await election.vote(0, half);
    const mid = await snapshot();

    // Receipts are sealed until voting closes: no row, tuple or page shows one.
    expect.soft(readableBallots(mid.sql.map((t) => t.data), cast), "voters whose receipt or ranking a SQL reader reads mid-voting").toEqual([]);
    if (raw) expect.soft(readableBallots([await dataFilePages(client, schema)], cast), "voters whose receipt or ranking is in the data files mid-voting").toEqual([]);
    expect.soft(transactionLinks(mid.sql, cast), "SQL reader: links through xmin/xmax mid-voting").toEqual([]);
    expectChanceOrder(ctidOrderMatches(mid.sql, cast));
    if (raw) expect.soft(transactionLinks(mid.files, cast), "data files: links through tuple xids mid-voting").toEqual([]);

    await election.vote(half, voterCount);
    await election.close();
    const after = await snapshot();

    expect.soft(transactionLinks(after.sql, voters), "SQL reader: links through xmin/xmax after closing").toEqual([]);
    expectChanceOrder(ctidOrderMatches(after.sql, voters));
    expect.soft(receiptsBesideVoters(after.sql, voters), "rows holding a receipt beside a voter's id").toEqual([]);
    if (raw) {
      expect.soft(transactionLinks(after.files, voters), "data files: links through tuple xids (dead tuples too) after closing").toEqual([]);
      expect.soft(receiptsBesideVoters(after.files, voters), "tuples holding a receipt beside a voter's id").toEqual([]);
      // Whatever tables held ballots keep no dead versions once voting has closed.
      const votes = voteTransactions(beforeVoting.files, after.files, voters);
      expect.soft(votes.size, "vote transactions seen on the roll").toBeGreaterThan(0);
      const held = ballotTables([mid.files, after.files], voters, votes);
      const dead = after.files.filter((t) => held.has(t.table) && !t.live).map((t) => `${t.table} (${t.at.join(",")})`);
      expect.soft(dead, `dead tuples left in ${[...held].join(", ")} after closing`).toEqual([]);
    }

    await expectPublishedBallotsIntact(election);
  });
});
