import type { overview as fi } from "../fi/overview.ts";

/** The overview: what is on a person's plate, on every platform and in Slack's Home tab. */
export const overview: Record<keyof typeof fi, string> = {
  "help.topic.overview": "overview: your working groups, upcoming meetings, agenda deadlines, elections and your action items",
  "command.overview.summary": "your overview: groups, upcoming meetings, open agendas, elections and your own action items",
  "command.overview.example": "overview",
  "overview.title": "Overview",
  "overview.groups": "Your working groups",
  "overview.no-groups": "You are not a member of any working group yet. See the groups: /council group list",
  "overview.meetings": "Upcoming meetings",
  "overview.meeting": "{group} {number}. {when} · {place} · {status}",
  "overview.deadlines": "Agendas still taking items",
  "overview.deadline": "{group}, meeting {number}: until {deadline} — /council agenda add {group} <title>",
  "overview.elections": "Elections under way",
  "overview.ballot.can-vote": "you can vote: /council election ballot {id}",
  "overview.ballot.voted": "you have voted",
  "overview.ballot.seat-voted": "the member you stand in for has voted",
  "overview.decisions": "Decisions without a meeting",
  "overview.decision": "{group}, proposal {number}: {proposal} — answers until {deadline}",
  "overview.decision.to-answer": "answer: /council decision show {group} {number}",
  "overview.decision.answered": "you have answered",
  "overview.decision.deputy-answered": "your deputy has answered; you can answer yourself: /council decision show {group} {number}",
  "overview.decision.member-answered": "the member you stand in for has answered",
  "overview.hint": "Type `/council help` to see every command.",
  "overview.hint-more": "Not everything fitted here: see /council meeting list <group>, /council election list <group> and /council action list. Every command: `/council help`.",
};
