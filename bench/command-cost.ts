// Per-command time with 100 and with 5 000 agenda items, groups, reminders, meetings, decisions and elections, on a real
// SQLite file, each command typed through the console dispatcher as a person types it. A command whose
// cost does not depend on those counts has a ratio near 1; lists show one page, so their output
// stays the same size too.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { consoleDirectory, consoleIdentity, consoleWorkspace } from "../adapters/console/directory.ts";
import { createApp } from "../src/app.ts";
import type { CommandRequest } from "../src/commands/dispatch.ts";
import type { ChatPort } from "../src/core/shared/chat.ts";
import { newItem } from "../src/core/meetings/meeting.ts";
import { openStore, type Store } from "../src/store/open-store.ts";
import { formatResult, type BenchRow, type BenchTable } from "./table.ts";

const sizes = [100, 5_000] as const;
const defaultRuns = 60;
const quiet = { info() {}, warn() {}, error() {} };
const nowhere: ChatPort = { async post() {}, async directMessage() {} };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const week = 7 * 86_400_000;

/**
 * `size` agenda items on the group's meeting, `size` other groups, `size` reminders of the group, `size` people,
 * and `size` past meetings of the group, weekly back from 2026: every tenth cancelled, the rest
 * closed with minutes in draft (what `meeting list` reads a summary of); and `size` closed decisions
 * and `size` closed or certified elections of a second group, which has no meetings, so that
 * `overview` there measures them and not the first group's drafts.
 */
async function seed(store: Store, ids: { groupId: string; meetingId: string; votingGroupId: string; adminId: string; secretaryId: string }, size: number): Promise<void> {
  const { groupId, meetingId, votingGroupId, adminId } = ids;
  for (let from = 0; from < size; from += 500) {
    await store.uow.run(async (stores) => {
      for (let i = from; i < Math.min(size, from + 500); i += 1) {
        const startsAt = new Date(Date.UTC(2026, 10, 2, 12) - i * week);
        const past = await stores.meetings.create({ groupId, startsAt, place: "Sali", agendaDeadline: startsAt });
        if (i % 10 === 9) await stores.meetings.update(past.id, { status: "cancelled" });
        else {
          await stores.meetings.update(past.id, { status: "closed", openedAt: startsAt, closedAt: startsAt, minutes: `# Pöytäkirja ${i}` });
          await stores.minutes.saveStatus({ meetingId: past.id, state: "draft", checkedAt: null, approvedAtMeetingId: null, approvedAt: null });
        }
        // After the four standard opening items, before the closing one.
        await stores.meetings.addItem(newItem({ meetingId, position: 5 + i, title: `Asia ${i}`, status: "accepted", createdAt: new Date() }));
        const group = await stores.groups.create({ workspaceId: consoleWorkspace, name: `Ryhmä ${String(i).padStart(5, "0")}` });
        await stores.groups.addMember({ groupId: group.id, personId: ids.secretaryId, role: "member" });
        await stores.reminders.create({
          workspaceId: consoleWorkspace,
          groupId,
          text: `Muistutus ${i}`,
          messageKey: null,
          params: {},
          cron: "0 9 * * 1",
          timeZone: "Europe/Helsinki",
          eventKey: null,
          audience: null,
          nextDueAt: new Date(Date.now() + 86_400_000),
          pausedAt: null,
          createdById: null,
        });
        // Someone the bot knows, whose name a chosen one is compared with.
        await stores.people.create({ externalId: `bench:person-${i}`, displayName: `Henkilö ${i}` });
        // A closed meeting-less decision and a closed or certified election, weekly back: what `overview` passes over.
        const decision = await stores.decisions.create(
          { groupId: votingGroupId, proposal: `Ehdotus ${i}`, mode: "majority", deadline: startsAt, seedHash: "", seed: "", createdById: adminId, createdAt: startsAt },
          [],
        );
        await stores.decisions.close(decision.id, { closedAt: startsAt, outcome: "passed", minutes: `Päätös ${i}` });
        const election = await stores.elections.create({ workspaceId: consoleWorkspace, groupId: votingGroupId, title: `Vaali ${i}`, method: "plurality", seats: 1, createdById: adminId, createdAt: startsAt });
        await stores.elections.update(election.id, i % 2 === 0 ? { state: "closed", closedAt: startsAt } : { state: "certified", closedAt: startsAt, certifiedAt: startsAt });
      }
    });
  }
}

/**
 * A bot on a fresh SQLite file holding `size` of everything; `run` types a line as the workspace admin,
 * `runAs(name, line)` as Pekka, a member of the group "Vaalit" only, where one decision and one election are open, or
 * as Sihteeri, a member of every one of the `size` groups (as a council's secretary is).
 */
async function bot(size: number) {
  const folder = mkdtempSync(join(tmpdir(), "council-bench-cost-"));
  const store = await openStore(`file:${join(folder, "bench.db")}`);
  const app = createApp({ config: { DEFAULT_LOCALE: "fi", TIMEZONE: "Europe/Helsinki", OUTBOX_SEND: false }, store, chat: nowhere, logger: quiet, ballotSecret: randomBytes(32) });
  const request: CommandRequest = { identity: consoleIdentity("Admin"), isWorkspaceAdmin: true, workspaceId: consoleWorkspace, channelId: "#yleinen", directory: consoleDirectory };
  const run = (line: string) => app.dispatcher.runLine(request, line);
  const runAs = (name: Actor, line: string) => app.dispatcher.runLine({ ...request, identity: consoleIdentity(name), isWorkspaceAdmin: false }, line);
  await run("group create Bench");
  await run("group create Vaalit");
  await run("group add Vaalit Pekka");
  await run("meeting schedule Bench 3.12.2099 klo 14 Sali");
  const group = (await store.uow.read.groups.findByName(consoleWorkspace, "Bench"))!;
  const [meeting] = await store.uow.read.meetings.list(group.id);
  const admin = (await store.uow.read.people.findByExternalId(consoleIdentity("Admin").externalId))!;
  const voting = (await store.uow.read.groups.findByName(consoleWorkspace, "Vaalit"))!;
  const secretary = await store.uow.run((stores) => stores.people.create({ externalId: consoleIdentity("Sihteeri").externalId, displayName: "Sihteeri" }));
  await seed(store, { groupId: group.id, meetingId: meeting!.id, votingGroupId: voting.id, adminId: admin.id, secretaryId: secretary.id }, size);
  const pekka = (await store.uow.read.people.findByExternalId(consoleIdentity("Pekka").externalId))!;
  await store.uow.run(async (stores) => {
    const at = new Date(Date.UTC(2026, 10, 3, 12));
    await stores.decisions.create(
      { groupId: voting.id, proposal: "Avoin ehdotus", mode: "majority", deadline: new Date(Date.UTC(2099, 11, 31)), seedHash: "", seed: "", createdById: admin.id, createdAt: at },
      [{ personId: pekka.id, deputyId: null }],
    );
    const election = await stores.elections.create({ workspaceId: consoleWorkspace, groupId: voting.id, title: "Avoin vaali", method: "plurality", seats: 1, createdById: admin.id, createdAt: at });
    await stores.elections.update(election.id, { state: "nominating", nominationsOpenedAt: at });
  });
  return {
    run,
    runAs,
    async close() {
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

type Actor = "Pekka" | "Sihteeri";

const commands: [string, (i: number) => string, Actor?][] = [
  ["agenda add", (i) => `agenda add Bench Lisäasia ${i} -- Teksti`],
  ["agenda list", () => "agenda list Bench"],
  ["group list", () => "group list"],
  ["remind list", () => "remind list Bench"],
  // The upcoming meeting, then 19 past ones with their minutes' state; numbers in their years.
  ["meeting list", () => "meeting list Bench"],
  // A past meeting with its minutes (meeting 1 is the one holding the agenda items).
  ["meeting show", () => "meeting show Bench 2"],
  // The latest meeting with minutes, with no number given.
  ["minutes show", () => "minutes show Bench"],
  // Item 5 of the upcoming meeting each time (the next item takes its number); no later meeting to take it.
  ["agenda defer", () => "agenda defer Bench 5"],
  // Its name is compared with every group's for look-alikes (by indexed skeletons).
  ["group create", (i) => `group create Uusi ryhmä ${i + 100}`],
  // Pekka's one group: its open decision and election taking nominations among every closed one.
  ["overview", () => "overview", "Pekka"],
  // The admin's: the Bench group's draft minutes (nine in ten of its past meetings), of which 20 are shown.
  ["overview of draft minutes", () => "overview"],
  // A member of every group: the groups' meetings, decisions, elections and drafts read together, 40 groups shown.
  ["overview of a member of every group", () => "overview", "Sihteeri"],
  // The coming week's digest: news, meetings, decisions and results of every group of the workspace.
  ["digest preview", () => "digest preview"],
  // Compared with everyone the bot knows for look-alikes.
  ["profile set name", (i) => `profile set name Pekka Penkki ${i + 100}`, "Pekka"],
  // Takes the deferred items of the group's earlier meetings (none here). Last: it adds a meeting each
  // run, a day apart (a second meeting at a taken time is refused).
  ["meeting schedule", (i) => `meeting schedule Bench ${new Date(Date.UTC(2098, 0, 11 + i)).toLocaleDateString("fi-FI", { timeZone: "UTC" })} klo 14 Sali`],
];

/**
 * `only`: the commands whose name contains it (or one of its comma-separated parts); `runs`: fewer for a slow version
 * (`npx tsx bench/command-cost.ts meeting 10`).
 */
export async function benchCommandCost(only = "", runs = defaultRuns): Promise<BenchTable[]> {
  const warmUp = Math.min(10, Math.ceil(runs / 5));
  const bots = [await bot(sizes[0]), await bot(sizes[1])];
  try {
    const rows: BenchRow[] = [];
    for (const [name, line, actor] of commands.filter(([name]) => only.split(",").some((o) => name.includes(o)))) {
      const samples: [number[], number[]] = [[], []];
      const cpu: [number[], number[]] = [[], []];
      for (let i = -warmUp; i < runs; i += 1) {
        // Alternating keeps the two sizes under the same load from the rest of the machine.
        for (const [which, b] of bots.entries()) {
          const start = performance.now();
          const used = process.cpuUsage();
          const reply = await (actor ? b.runAs(actor, line(i)) : b.run(line(i)));
          const { user, system } = process.cpuUsage(used);
          const took = performance.now() - start;
          if (reply.blocks.length === 0) throw new Error(`${name}: no answer`);
          if (i >= 0) {
            // The first runs warm up the JIT and statement caches.
            samples[which]!.push(took);
            cpu[which]!.push((user + system) / 1000);
          }
        }
      }
      const [small, large] = samples.map(median) as [number, number];
      const [smallCpu, largeCpu] = cpu.map(median) as [number, number];
      rows.push({ what: `${name}, at ${sizes[1]} rows`, ours: large, unit: "ms", peer: { name: `the same at ${sizes[0]}`, value: small }, target: "≈ 1× (independent of the counts)" });
      rows.push({ what: `${name}, CPU time, at ${sizes[1]} rows`, ours: largeCpu, unit: "ms", peer: { name: `the same at ${sizes[0]}`, value: smallCpu } });
    }
    const notes = [
      `Median of ${runs} runs per command, console dispatcher, SQLite; ${sizes[0]} vs ${sizes[1]} agenda items, groups, reminders, past meetings, closed decisions and elections (runs alternate between the two). CPU time is the process's user + system time over the command (process.cpuUsage).`,
    ];
    return [{ title: "Command cost against the agenda, group, reminder, meeting, decision and election counts", rows, notes }];
  } finally {
    for (const b of bots) await b.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(formatResult(await benchCommandCost(process.argv[2], process.argv[3] ? Number(process.argv[3]) : undefined)));
