import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { testBallotSecret } from "./ballot-secret.ts";
import { idIn } from "./election-replies.ts";
import { testPostgresUrl } from "./postgres.ts";
import type { TestApp } from "./test-app.ts";

const root = join(import.meta.dirname, "../..");

/** How a second bot process reaches a test app's database: its URL, and its PostgreSQL schema if any. */
export interface Database {
  readonly url: string;
  readonly schema?: string;
}

export const databaseOf = (app: TestApp): Database => (app.postgresSchema ? { url: testPostgresUrl, schema: app.postgresSchema } : { url: `file:${app.store.location}` });

/** A yes/no election in a new group "Viestintä" whose `voters` members are "Äänestäjä 1…N", voting open; its id. Admin runs it. */
export async function openYesNoVote(app: TestApp, voters: number): Promise<string> {
  await app.say("Admin", "group create Viestintä");
  const group = (await app.store.uow.read.groups.findByName("console:local", "Viestintä"))!;
  await app.store.uow.run(async (stores) => {
    for (let n = 1; n <= voters; n++) {
      const person = await stores.people.create({ externalId: `console:äänestäjä ${n}`, displayName: `Äänestäjä ${n}` });
      await stores.groups.addMember({ groupId: group.id, personId: person.id, role: "member" });
    }
  });
  const id = idIn(await app.say("Admin", "election create Viestintä 1 yes-no Hyväksytäänkö budjetti"));
  await app.say("Admin", `election open ${id} --confirm`);
  return id;
}

/**
 * A bot process of its own (test/support/vote-worker.ts) in which voters `first`…`last` vote yes,
 * all at once or one by one; how many votes it stored and every other reply (-1 when it was killed).
 */
export function voteInProcess(
  database: Database,
  electionId: string,
  first: number,
  last: number,
  started: (child: ChildProcess) => void = () => {},
  pace: "all-at-once" | "one-by-one" = "all-at-once",
): Promise<{ stored: number; others: string[] }> {
  return new Promise((resolve, reject) => {
    // Node itself with tsx as a loader, not the tsx wrapper: a kill must reach the process that votes.
    const child = spawn(process.execPath, ["--import", "tsx", join(root, "test/support/vote-worker.ts"), database.url, electionId, String(first), String(last), pace], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", BALLOT_SECRET: testBallotSecret.toString("hex"), ...(database.schema ? { DATABASE_SCHEMA: database.schema } : {}) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    started(child);
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) => (signal === "SIGKILL" ? resolve({ stored: -1, others: [] }) : code === 0 ? resolve(JSON.parse(out) as { stored: number; others: string[] }) : reject(new Error(`worker exited ${code}: ${out}`))));
  });
}
