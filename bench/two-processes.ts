/**
 * Two bot processes on one database: 300 voters vote at once, 150 through each process, each vote
 * a transaction of its own (the roll marked and the sealed ballot written together). How many were
 * stored and how many got any other reply, on SQLite (the embedded default) and PostgreSQL beside
 * it. The suite asserts the same on SQLite (test/integration/sqlite-two-processes.test.ts); here it
 * is measured with its time.
 *
 *     npx tsx bench/two-processes.ts
 */
import { loadavg } from "node:os";
import { postgresAvailable } from "../test/support/postgres.ts";
import { createTestApp, type Backend } from "../test/support/test-app.ts";
import { databaseOf, openYesNoVote, voteInProcess } from "../test/support/vote-process.ts";
import { formatResult, type BenchRow, type BenchTable } from "./table.ts";

const voters = 300;

async function voteTwice(backend: Backend): Promise<{ stored: number; ms: number; others: string[] }> {
  const app = await createTestApp({ admins: ["Admin"], backend });
  try {
    const id = await openYesNoVote(app, voters);
    const database = databaseOf(app);
    const start = performance.now();
    const halves = await Promise.all([voteInProcess(database, id, 1, voters / 2), voteInProcess(database, id, voters / 2 + 1, voters)]);
    const ms = performance.now() - start;
    const others = halves.flatMap((half) => half.others);
    // What the database holds, not what the processes said: a vote counts once it is on the roll.
    const stored = (await app.store.uow.read.elections.rollCounts(id)).voted;
    return { stored, ms, others };
  } finally {
    await app.close();
  }
}

export async function benchTwoProcesses(): Promise<BenchTable[]> {
  const sqlite = await voteTwice("sqlite");
  const postgres = (await postgresAvailable()) ? await voteTwice("postgresql") : null;
  const peer = (value: number) => (postgres ? { peer: { name: "PostgreSQL", value } } : {});
  const rows: BenchRow[] = [
    { what: `votes stored, of ${voters}`, ours: sqlite.stored, unit: "", ...peer(postgres?.stored ?? 0), target: `all ${voters}` },
    { what: "votes that got any other reply (\"database is locked\", an error)", ours: sqlite.others.length, unit: "", ...peer(postgres?.others.length ?? 0), target: "0" },
    { what: "both processes, start to the last reply (each process's own start included)", ours: sqlite.ms, unit: "ms", ...peer(postgres?.ms ?? 0) },
  ];
  const notes = [
    "Ours: SQLite, the embedded default (WAL, a busy timeout, and a unit of work run again from the start, a bounded number of times, when another process holds the write lock); the peer: the same on PostgreSQL.",
    `Two bot processes (test/support/vote-worker.ts: the app on its own connection, as a second \`npm start\` has), ${voters / 2} voters each, every vote sent at once; load average ${loadavg()[0]!.toFixed(1)} on the machine's cores at the end.`,
    ...(postgres ? [] : ["PostgreSQL was not reachable at 127.0.0.1:5432: no peer figures."]),
    ...[...sqlite.others, ...(postgres?.others ?? [])].slice(0, 3).map((reply) => `A reply that was not a stored vote: ${reply}`),
  ];
  return [{ title: `Two bot processes on one database, ${voters} simultaneous votes`, rows, notes }];
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(formatResult(await benchTwoProcesses()));
