import { afterEach, describe, expect, it } from "vitest";
import { maxChanceMatches, maxChanceTau } from "../support/order-statistics.ts";
import { expectPublishedBallotsIntact, secretElection, voterCount, type SecretElection } from "../support/secret-election.ts";
import {
  ballotsInPlaintext,
  byteOrderMatches,
  checkpointedCopy,
  copyDatabaseFiles,
  walReplayLinks,
  type ByteOrderFindings,
} from "../support/sqlite-forensics.ts";

/**
 * Ballot secrecy against someone holding a copy of the SQLite files (a backup, the `-wal` file, a
 * hosting administrator) at any moment during or after voting. They also know who voted in which
 * order. They must not link a voter to a ballot better than chance. The bot's own secret key,
 * kept outside the database, is assumed safe. The attacks read only the files' bytes and tables,
 * whatever the storage design.
 */
const half = voterCount / 2;

function expectChanceOrder(findings: ByteOrderFindings) {
  for (const [order, matches] of Object.entries(findings.matches)) {
    expect.soft(matches, `${order}: receipts at the voting order's positions, of ${findings.found} found`).toBeLessThanOrEqual(maxChanceMatches);
  }
  expect.soft(Math.abs(findings.tau), `Kendall tau of file order against voting order, ${findings.found} receipts`).toBeLessThanOrEqual(maxChanceTau(findings.found));
}

describe.each(["stv", "yes-no"] as const)("ballot secrecy on SQLite, %s", (method) => {
  let election: SecretElection;
  afterEach(() => election?.app.close());

  it("keeps receipts out of the files while voting, and a WAL replay links no voter to a ballot, during or after voting", async () => {
    election = await secretElection(method);
    const path = election.app.store.location;
    await election.vote(0, half);
    const midVoting = copyDatabaseFiles(path);
    await election.vote(half, voterCount);
    await election.close();
    const afterClose = copyDatabaseFiles(path);

    // Receipts are sealed until voting closes: none is readable in the file or its log.
    const cast = election.voters.slice(0, half);
    expect.soft(ballotsInPlaintext(midVoting, cast), "voters whose receipt or ranking is readable mid-voting").toEqual([]);

    const during = walReplayLinks(midVoting, cast);
    expect.soft(during.links, `links from ${during.commits} commits replayed mid-voting`).toEqual([]);
    const after = walReplayLinks(afterClose, election.voters);
    expect.soft(after.links, `links from ${after.commits} commits replayed after closing`).toEqual([]);

    await expectPublishedBallotsIntact(election);
  });

  it("leaves receipts in no order that follows the voting order, mid-voting or after closing", async () => {
    election = await secretElection(method);
    const path = election.app.store.location;
    await election.vote(0, half);
    const midVoting = checkpointedCopy(copyDatabaseFiles(path));
    await election.vote(half, voterCount);
    await election.close();
    const uncheckpointed = copyDatabaseFiles(path);
    const afterClose = checkpointedCopy(uncheckpointed);

    expectChanceOrder(byteOrderMatches(midVoting, election.voters.slice(0, half)));
    // The main file as it stands (whatever the bot checkpointed itself), and after a checkpoint.
    expectChanceOrder(byteOrderMatches(uncheckpointed.main, election.voters));
    const closed = byteOrderMatches(afterClose, election.voters);
    expect.soft(closed.found, "published receipts in the file").toBe(voterCount);
    expectChanceOrder(closed);

    await expectPublishedBallotsIntact(election);
  });
});
