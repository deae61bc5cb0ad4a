import type { overview as fi } from "../fi/overview.ts";

/** The overview: what is on a person's plate, on every platform and in Slack's Home tab. */
export const overview: Record<keyof typeof fi, string> = {
  "help.topic.overview": "översikt: dina arbetsgrupper, kommande möten, tidsfrister för föredragningslistor, val och dina uppgifter",
  "command.overview.summary": "din översikt: grupper, kommande möten, öppna föredragningslistor, val och dina uppgifter",
  "command.overview.example": "overview",
  "overview.title": "Översikt",
  "overview.groups": "Dina arbetsgrupper",
  "overview.no-groups": "Du är ännu inte medlem i någon arbetsgrupp. Se grupperna: /council group list",
  "overview.meetings": "Kommande möten",
  "overview.meeting": "{group} {number}. {when} · {place} · {status}",
  "overview.deadlines": "Föredragningslistor som ännu tar emot ärenden",
  "overview.deadline": "{group}, möte {number}: till {deadline} — /council agenda add {group} <rubrik>",
  "overview.elections": "Pågående val",
  "overview.ballot.can-vote": "du kan rösta: /council election ballot {id}",
  "overview.ballot.voted": "du har röstat",
  "overview.ballot.seat-voted": "den ordinarie medlem du är ersättare för har röstat",
  "overview.decisions": "Beslut utan möte",
  "overview.decision": "{group}, förslag {number}: {proposal} — svar senast {deadline}",
  "overview.decision.to-answer": "svara: /council decision show {group} {number}",
  "overview.decision.answered": "du har svarat",
  "overview.decision.deputy-answered": "din suppleant har svarat; du kan svara själv: /council decision show {group} {number}",
  "overview.decision.member-answered": "ledamoten du är suppleant för har svarat",
  "overview.hint": "Skriv `/council help` för att se alla kommandon.",
  "overview.hint-more": "Allt fick inte plats här: se /council meeting list <grupp>, /council election list <grupp> och /council action list. Alla kommandon: `/council help`.",
};
