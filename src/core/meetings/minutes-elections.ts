import { say, type Presentation } from "../../i18n/presentation.ts";
import { outcome } from "../elections/closing.ts";
import type { Election } from "../elections/election.ts";
import { methodName } from "../elections/replies.ts";
import { publicElectionPath } from "../public/paths.ts";
import type { Stores } from "../shared/unit-of-work.ts";
import type { Meeting } from "./meeting.ts";

/**
 * Elections are not tied to meetings, yet a secretary expects the minutes to report them (and the
 * election record's SHA-256, so the approved minutes fix which record was meant). An election is
 * reported by the minutes of the group's meeting that was in session when it closed; one that
 * closed between meetings, by the next meeting's minutes. So every closed election of the group is
 * in exactly one meeting's minutes: the windows run from one meeting's close to the next one's.
 */
export interface MinutesElections {
  /** Closed while this meeting was open. */
  readonly during: readonly ReportedElection[];
  /** Closed after the previous meeting closed and before this one opened. */
  readonly since: readonly ReportedElection[];
}

export interface ReportedElection {
  readonly election: Election;
  /** Who was elected, or how the decision went, in the minutes' language (no closing full stop). */
  readonly outcome: string;
}

/** The group's elections in the window of `meeting` (closed now). */
export async function electionsForMinutes(stores: Stores, p: Presentation, meeting: Meeting): Promise<MinutesElections> {
  const closedAt = meeting.closedAt;
  if (!closedAt) return { during: [], since: [] };
  const opened = (meeting.openedAt ?? closedAt).getTime();
  const previous = await stores.meetings.lastClosedBefore(meeting.groupId, closedAt, meeting.id);
  const closed = await stores.elections.closedAfterThrough(meeting.groupId, previous, closedAt);
  const reported = await Promise.all(closed.map(async (election) => ({ election, outcome: say(p, outcome(election, await stores.elections.candidates(election.id))).replace(/\.$/, "") })));
  return {
    during: reported.filter((r) => r.election.closedAt!.getTime() >= opened),
    since: reported.filter((r) => r.election.closedAt!.getTime() < opened),
  };
}

/**
 * The minutes' section on elections: one entry per election with its title, method, outcome, the
 * record's SHA-256 and where to get the record (the command at once, the public page once certified).
 * Nothing when no election closed in the window.
 */
export function electionSection(p: Presentation, elections: MinutesElections, publicUrl: string | null): string[] {
  if (elections.during.length === 0 && elections.since.length === 0) return [];
  const entry = ({ election, outcome }: ReportedElection): string => {
    const head = p.t("minutes.election.entry", { title: election.title, method: methodName(p, election), outcome });
    if (!election.recordHash) return `- ${head} ${p.t("minutes.election.no-record")}`;
    const download = publicUrl
      ? p.t("minutes.election.download-web", { id: election.id, url: `${publicUrl}${publicElectionPath(election.groupId, election.id)}` })
      : p.t("minutes.election.download", { id: election.id });
    return `- ${head} ${p.t("minutes.election.record", { hash: election.recordHash })} ${download}`;
  };
  const lines = [`## ${p.t("minutes.elections")}`, ""];
  if (elections.during.length > 0) lines.push(`**${p.t("minutes.elections.during")}**`, "", ...elections.during.map(entry), "");
  if (elections.since.length > 0) lines.push(`**${p.t("minutes.elections.since")}**`, "", ...elections.since.map(entry), "");
  return lines;
}
