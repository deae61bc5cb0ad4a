import { electionRecordSchema, type ElectionRecord } from "../elections/record/schema.ts";
import type { Election } from "../elections/election.ts";
import type { Logger } from "../shared/logger.ts";
import type { UnitOfWork } from "../shared/unit-of-work.ts";

// What the public results pages may show: certified elections and nothing else. A draft, an
// election taking nominations or votes, or one closed but not yet certified is not public, so it
// is simply absent here, and a page asking for it answers 404 like for an id that never existed.

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
  constructor(private readonly deps: { readonly uow: UnitOfWork; readonly logger: Logger }) {}

  /** Groups with at least one certified election, by name. */
  async groups(): Promise<PublishedGroup[]> {
    const certified = await this.deps.uow.read.elections.listCertified();
    const byGroup = new Map<string, PublishedElection[]>();
    for (const election of certified) {
      const entry = published(election, this.deps.logger);
      if (entry) byGroup.set(election.groupId, [...(byGroup.get(election.groupId) ?? []), entry.summary]);
    }
    const groups: PublishedGroup[] = [];
    for (const [id, elections] of byGroup) {
      const group = await this.deps.uow.read.groups.findById(id);
      if (group) groups.push({ id, name: group.name, elections });
    }
    return groups.sort((a, b) => a.name.localeCompare(b.name, "fi"));
  }

  /** A group's certified elections; null when it has none (or does not exist). */
  async group(groupId: string): Promise<PublishedGroup | null> {
    const group = await this.deps.uow.read.groups.findById(groupId);
    if (!group) return null;
    const elections = (await this.deps.uow.read.elections.listForGroup(groupId))
      .flatMap((e) => published(e, this.deps.logger)?.summary ?? [])
      .sort((a, b) => b.certifiedAt.getTime() - a.certifiedAt.getTime());
    return elections.length > 0 ? { id: group.id, name: group.name, elections } : null;
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
