import { electionRecordSchema, type ElectionRecord } from "../elections/record/schema.ts";
import type { Election } from "../elections/election.ts";
import type { Logger } from "../shared/logger.ts";
import type { UnitOfWork } from "../shared/unit-of-work.ts";
import type { NewsletterIssue } from "../mail/store.ts";
import { finalMinutesOf, finalMinutesOfMeeting, groupsWithFinalMinutes, publishedMinutes, type PublishedMinutes, type PublishedMinutesEntry } from "./minutes.ts";

// What the public results pages may show: certified elections, final minutes (minutes.ts) and the
// published newsletters, nothing else. A draft, an election taking nominations or votes, or one
// closed but not yet certified is not public, so it is simply absent here, and a page asking for
// it answers 404 like for an id that never existed.

/** A certified election as listed on its group's page. */
export interface PublishedElection {
  readonly id: string;
  readonly title: string;
  readonly method: Election["method"];
  readonly seats: number;
  readonly certifiedAt: Date;
  readonly recordHash: string;
}

export interface PublishedGroup {
  readonly id: string;
  readonly name: string;
  /** Most recently certified first. */
  readonly elections: readonly PublishedElection[];
  /** Checked or approved minutes, earliest meeting first. */
  readonly minutes: readonly PublishedMinutesEntry[];
}

/** One certified election's page: everything shown comes from its record, which is published as it is stored. */
export interface PublishedResult {
  readonly group: { readonly id: string; readonly name: string };
  readonly election: PublishedElection;
  readonly record: ElectionRecord;
  /** The stored canonical JSON, byte for byte: its SHA-256 is recordHash, so `npm run verify` accepts the download. */
  readonly recordText: string;
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** Certified, with a record that parses: an election certified before records were written has nothing to publish. */
const published = (election: Election, logger: Logger): { summary: PublishedElection; record: ElectionRecord; text: string } | null => {
  if (election.state !== "certified" || election.record === null || election.recordHash === null) return null;
  const parsed = electionRecordSchema.safeParse(parseJson(election.record));
  if (!parsed.success) {
    logger.warn({ election: election.id }, "certified election's record does not parse; not published");
    return null;
  }
  const summary = {
    id: election.id,
    title: election.title,
    method: election.method,
    seats: election.seats,
    certifiedAt: election.certifiedAt ?? election.closedAt ?? election.createdAt,
    recordHash: election.recordHash,
  };
  return { summary, record: parsed.data, text: election.record };
};

/** The read model behind the public results pages (adapters/web/results) and their static export. */
export class PublicResults {
  constructor(private readonly deps: { readonly uow: UnitOfWork; readonly logger: Logger; readonly timeZone?: string }) {}

  private get timeZone(): string {
    return this.deps.timeZone ?? "Europe/Helsinki";
  }

  /** Groups with at least one certified election or final minutes, by name. */
  async groups(): Promise<PublishedGroup[]> {
    const ids = new Set(await this.deps.uow.read.elections.certifiedGroupIds());
    for (const id of await groupsWithFinalMinutes(this.deps.uow.read)) ids.add(id);
    const groups: PublishedGroup[] = [];
    for (const id of ids) {
      const group = await this.group(id);
      if (group) groups.push(group);
    }
    return groups.sort((a, b) => a.name.localeCompare(b.name, "fi"));
  }

  /** A group's certified elections and final minutes; null when it has neither (or does not exist). */
  async group(groupId: string): Promise<PublishedGroup | null> {
    const group = await this.deps.uow.read.groups.findById(groupId);
    if (!group) return null;
    const elections = (await this.deps.uow.read.elections.certifiedOfGroup(groupId))
      .flatMap((e) => published(e, this.deps.logger)?.summary ?? [])
      .sort((a, b) => b.certifiedAt.getTime() - a.certifiedAt.getTime());
    const minutes = (await finalMinutesOf(this.deps.uow.read, groupId, this.timeZone)).map((m) => m.entry);
    return elections.length > 0 || minutes.length > 0 ? { id: group.id, name: group.name, elections, minutes } : null;
  }

  /** Meeting `number`'s minutes, when they are final; null for a draft, a meeting without minutes, or none. */
  async minutes(groupId: string, number: number): Promise<PublishedMinutes | null> {
    const group = await this.deps.uow.read.groups.findById(groupId);
    if (!group) return null;
    const found = await finalMinutesOfMeeting(this.deps.uow.read, groupId, number, this.timeZone);
    return found ? publishedMinutes(group, found.meeting, found.entry) : null;
  }

  /** The published newsletters, newest first: the archive the pages link to, and the static export writes. */
  newsletters(limit = 50): Promise<NewsletterIssue[]> {
    return this.deps.uow.read.mail.issues(limit);
  }

  /** A certified election of the group; null for any other state, another group's election or none. */
  async result(groupId: string, electionId: string): Promise<PublishedResult | null> {
    const election = await this.deps.uow.read.elections.find(electionId);
    if (!election || election.groupId !== groupId) return null;
    const entry = published(election, this.deps.logger);
    const group = entry && (await this.deps.uow.read.groups.findById(groupId));
    if (!entry || !group) return null;
    return { group: { id: group.id, name: group.name }, election: entry.summary, record: entry.record, recordText: entry.text };
  }
}
