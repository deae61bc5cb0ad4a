/**
 * Counting speed: STV over 100 000 ballots (15 candidates, 5 seats), the other methods on the same
 * ballots, and all the real Scottish ward files. Timings are measured here, never asserted in tests.
 *
 *     npx tsx bench/counting.ts
 */
import { readdirSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseBlt } from "../src/core/elections/blt/parse.ts";
import { countRanked, type Candidate, type CandidateMethod, type RankedBallot } from "../src/core/elections/counting/index.ts";
import { formatResult, median, type BenchRow, type BenchTable } from "./table.ts";

const wards = "/work/shared/data/scottish-council-ballots";

/** A small seeded generator (mulberry32), so every run counts the same ballots. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Voters who lean to one of five "parties" of three candidates each and rank 1–15 candidates. */
function syntheticElection(ballotCount: number, candidateCount: number): { candidates: Candidate[]; ballots: RankedBallot[] } {
  const next = random(2025);
  const candidates = Array.from({ length: candidateCount }, (_, position) => ({ id: `c${position + 1}` }));
  const popularity = candidates.map(() => 0.2 + next());
  const ballots: RankedBallot[] = [];
  for (let ballot = 0; ballot < ballotCount; ballot++) {
    const party = Math.floor(next() * 5);
    const scored = candidates.map((candidate, position) => ({
      id: candidate.id,
      score: popularity[position]! * next() + (Math.floor(position / 3) === party ? 1 : 0),
    }));
    scored.sort((a, b) => b.score - a.score);
    const length = 1 + Math.floor(next() * candidateCount);
    ballots.push({ ranking: scored.slice(0, length).map((entry) => entry.id) });
  }
  return { candidates, ballots };
}

/** Median wall time, and median CPU time (which other work on the machine inflates less). */
function timeMedian(runs: number, work: () => void): { ms: number; cpu: number } {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const used = process.cpuUsage();
    work();
    const spent = process.cpuUsage(used);
    times.push(performance.now() - start);
    cpu.push((spent.user + spent.system) / 1000);
  }
  return { ms: median(times), cpu: median(cpu) };
}

export async function benchCounting(): Promise<BenchTable[]> {
  const rows: BenchRow[] = [];
  const { candidates, ballots } = syntheticElection(100_000, 15);
  const methods: CandidateMethod[] = ["stv", "irv", "plurality", "approval"];
  for (const method of methods) {
    let stages = 0;
    const { ms, cpu } = timeMedian(7, () => {
      stages = countRanked(method, candidates, ballots, { seats: method === "irv" ? 1 : 5 }).rounds.length;
    });
    rows.push({ what: `${method}, 100 000 ballots, 15 candidates, ${method === "irv" ? 1 : 5} seats (${stages} rounds)`, ours: ms, unit: "ms", detail: `(CPU ${cpu.toFixed(0)} ms)`, ...(method === "stv" ? { target: "< 1 000 ms" } : {}) });
  }

  const files = readdirSync(wards).filter((file) => file.endsWith(".blt"));
  const texts = files.map((file) => readFileSync(join(wards, file), "utf8"));
  let totalBallots = 0;
  const { ms, cpu } = timeMedian(5, () => {
    totalBallots = 0;
    for (const text of texts) {
      const read = parseBlt(text);
      if (!read.ok) throw new Error(JSON.stringify(read.issue));
      const election = read.election;
      totalBallots += election.ballots.reduce((sum, ballot) => sum + ballot.weight, 0);
      countRanked(
        "stv",
        election.candidates.map((_, position) => ({ id: String(position + 1) })),
        election.ballots.map((ballot) => ({ weight: ballot.weight, ranking: ballot.ranking.map(String) })),
        { seats: election.seats },
      );
    }
  });
  rows.push({ what: `parse + STV of all ${files.length} Scottish ward files (${totalBallots} ballots)`, ours: ms, unit: "ms", detail: `(CPU ${cpu.toFixed(0)} ms)` });
  const load = `load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores at the end`;
  return [{ title: "Counting, in process", rows, notes: [`Medians of 7 runs (5 for the ward files); ${load}. The synthetic ballots are a worst case: almost every ranking distinct.`] }];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatResult(await benchCounting()));
}
