import { expect } from "vitest";
import { createTestApp, type Backend, type TestApp } from "./test-app.ts";
import { idIn, receiptIn } from "./election-replies.ts";
import { receiptHash } from "../../src/core/elections/record/receipts.ts";

/**
 * An election run the way a group runs one, for the ballot-secrecy attacks: a chair, twenty voters
 * who vote one after another with distinct ballots, and what an attacker is assumed to know besides
 * the database: who the voters are (their person ids) and in which order they voted. Each voter's
 * receipt comes from their own vote reply, as the voter would hold it.
 */
export interface Voter {
  readonly name: string;
  readonly personId: string;
  /** What the voter types after `election vote <id>`. */
  readonly input: string;
  /** The ranked candidate numbers (ranked elections) or the answer (yes-no). */
  readonly numbers: readonly number[];
  readonly answer: "yes" | "no" | "abstain" | null;
  receipt: string | null;
}

export interface SecretElection {
  readonly app: TestApp;
  readonly id: string;
  readonly method: "stv" | "yes-no";
  /** In voting order. */
  readonly voters: Voter[];
  vote(from: number, to: number): Promise<void>;
  close(): Promise<void>;
}

export const voterCount = 20;
const chair = "Puheenjohtaja";


/** A small deterministic generator, so every run votes the same distinct ballots. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Twenty distinct rankings of six candidates, three to six long, so that each voter's ballot
 * content (as well as their receipt) would identify their ballot if it were seen being written.
 */
export function distinctRankings(count: number, candidates = 6): number[][] {
  const random = mulberry32(11);
  const seen = new Set<string>();
  const rankings: number[][] = [];
  while (rankings.length < count) {
    const deck = Array.from({ length: candidates }, (_, i) => i + 1);
    for (let i = deck.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [deck[i], deck[j]] = [deck[j]!, deck[i]!];
    }
    const ranking = deck.slice(0, 3 + (rankings.length % 4));
    if (seen.has(ranking.join(","))) continue;
    seen.add(ranking.join(","));
    rankings.push(ranking);
  }
  return rankings;
}

const answers = ["yes", "no", "abstain"] as const;

/** Set-up up to `election open`; nobody has voted yet. */
export async function secretElection(method: "stv" | "yes-no", backend: Backend = "sqlite"): Promise<SecretElection> {
  const app = await createTestApp({ admins: [chair], backend });
  await app.say(chair, "group create Vaalitoimikunta");
  const names = Array.from({ length: voterCount }, (_, i) => `Jäsen${String(i + 1).padStart(2, "0")}`);
  for (const name of names) expect(await app.say(chair, `group add Vaalitoimikunta ${name}`)).toContain(name);
  const id =
    method === "stv"
      ? idIn(await app.say(chair, "election create Vaalitoimikunta 2 stv Edustajat 2027"))
      : idIn(await app.say(chair, "election create Vaalitoimikunta 1 yes-no Hyväksytäänkö talousarvio"));
  if (method === "stv") {
    await app.say(chair, `election open-nominations ${id}`);
    // Six candidates, numbered in the order they accept (checked below against the candidate list).
    for (const name of names.slice(0, 6)) {
      expect(await app.say(name, `election nominate ${id}`)).toContain("Asetit itsesi ehdolle");
      expect(await app.say(name, `election accept ${id} --confirm`)).toContain("Olet ehdokkaana");
    }
  }
  expect(await app.say(chair, `election open ${id} --confirm`)).toContain(`Äänioikeutettuja ${voterCount + 1}`);
  if (method === "stv") {
    const list = await app.say(chair, `election candidates ${id}`);
    for (const [i, name] of names.slice(0, 6).entries()) expect(list).toContain(`${i + 1}. ${name}`);
  }

  const rankings = distinctRankings(voterCount);
  // The voting order is a fixed shuffle of the names, not the order they were added to the group.
  const order = names.map((name, i) => ({ name, i, key: mulberry32(1000 + i)() })).sort((a, b) => a.key - b.key);
  const voters: Voter[] = [];
  for (const [position, { name }] of order.entries()) {
    const personId = (await app.invocation(name)).actor.person.id;
    const numbers = method === "stv" ? rankings[position]! : [];
    const answer = method === "yes-no" ? answers[position % 3]! : null;
    voters.push({ name, personId, input: method === "stv" ? numbers.join(" ") : answer!, numbers, answer, receipt: null });
  }

  return {
    app,
    id,
    method,
    voters,
    async vote(from, to) {
      for (const voter of voters.slice(from, to)) {
        const reply = await app.say(voter.name, `election vote ${id} ${voter.input} --confirm`);
        expect(reply).toContain("on tallennettu");
        voter.receipt = receiptIn(reply);
      }
    },
    async close() {
      expect(await app.say(chair, `election close ${id} --confirm`)).toContain("Vaalin tulos");
    },
  };
}

/**
 * What identifies one voter's ballot if seen in the database: the receipt (as written, and without
 * its dash) and, for a ranked ballot, its exact ranking as the JSON array any encoding of it would
 * most likely hold. A yes-no answer is shared by many voters, so only the receipt identifies it.
 */
export function ballotMarks(voter: Voter): string[] {
  const marks = voter.receipt ? [voter.receipt, voter.receipt.replace("-", "")] : [];
  if (voter.numbers.length > 0) marks.push(`[${voter.numbers.join(",")}]`);
  return marks;
}

/** Checks the published anonymous list after closing: every voter's receipt once, with their choices. */
export async function expectPublishedBallotsIntact(election: SecretElection): Promise<void> {
  const { app, id, voters } = election;
  const text = await app.say("Jäsen01", `election ballots ${id}`);
  expect(text).toContain(`(${voters.length} lippua)`);
  // Receipts are published only as hashes, in a list apart from the ballots: every voter finds theirs.
  const hashes = text.split("\n").filter((line) => /^`[0-9a-f]{16}`$/.test(line));
  expect(hashes).toEqual(voters.map((v) => `\`${receiptHash(id, v.receipt ?? "").slice(0, 16)}\``).sort());
  expect(text).not.toMatch(/[A-Z0-9]{4}-[A-Z0-9]{4}/);
  // The ballots, without receipts, are exactly the ballots cast (as a multiset).
  const answerText = { yes: "jaa", no: "ei", abstain: "tyhjä" } as const;
  const expected = voters.map((v) => (v.answer ? answerText[v.answer] : v.numbers.join(","))).sort();
  const shown = text
    .split("\n")
    .filter((line) => /^\d+\. /.test(line) || Object.values(answerText).includes(line as never))
    .map((line) => (/^\d+\. /.test(line) ? [...line.matchAll(/(\d+)\. /g)].map((m) => m[1]).join(",") : line))
    .sort();
  expect(shown).toEqual(expected);
}
