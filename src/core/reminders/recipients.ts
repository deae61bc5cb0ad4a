import type { Locale } from "../../i18n/locale.ts";
import { direct, text, toChannel } from "../../render/build.ts";
import { answerRefusal, type DecisionVoter } from "../decisions/decision.ts";
import { peopleToNudge } from "../elections/seats.ts";
import type { Person } from "../people/person.ts";
import type { ChatPort } from "../shared/chat.ts";
import type { Stores } from "../shared/unit-of-work.ts";
import type { Reminder } from "./reminder.ts";
import type { OutboxTarget } from "../outbox/message.ts";

/** One place an occurrence is delivered to, in that reader's language. */
export interface Recipient {
  /** The send queue's key: one queue per channel, one per person. */
  readonly key: string;
  /** Where the outbox sends it. */
  readonly target: OutboxTarget;
  readonly locale: Locale;
  readonly deliver: (words: string) => Promise<void>;
}

export interface Recipients {
  readonly list: readonly Recipient[];
  /** Many people told separately (an election's non-voters), each message on its own. */
  readonly fanOut: boolean;
}

export class NoRecipient extends Error {
  constructor(what: string) {
    super(what);
    this.name = "NoRecipient";
  }
}

/** One person, by direct message, in their own language (the channel's when they have chosen none). */
export const byDirectMessage = (chat: ChatPort, person: Person, channelLocale: Locale): Recipient => ({
  key: `dm:${person.externalId}`,
  target: { kind: "person", id: person.externalId },
  locale: person.locale ?? channelLocale,
  deliver: (words) => chat.directMessage(person.externalId, direct(text(words))),
});

/**
 * Who an occurrence reaches, looked up when it is sent: the group's channel as linked now (so a
 * relinked group's reminders follow it), one person, or the people who can still vote for an
 * election's seats that have not voted (seats.ts). Nobody is told about anybody else.
 */
export async function recipientsOf(stores: Stores, chat: ChatPort, channelLocale: Locale, reminder: Reminder): Promise<Recipients> {
  const audience = reminder.audience;
  if (audience?.kind === "person") {
    const person = await stores.people.findById(audience.personId);
    if (!person) throw new NoRecipient(`person ${audience.personId} is gone`);
    return { list: [byDirectMessage(chat, person, channelLocale)], fanOut: false };
  }
  if (audience?.kind === "non-voters") {
    const election = await stores.elections.find(audience.electionId);
    // Before voting opens there is no roll yet; after it closes nobody can vote.
    if (election?.state !== "voting") return { list: [], fanOut: true };
    const rule = (await stores.groups.findById(election.groupId))?.rules["deputies-vote"] ?? "never";
    const pending = peopleToNudge(await stores.elections.pendingSeats(election.id), rule);
    const people = await Promise.all(pending.map((id) => stores.people.findById(id)));
    return { list: people.filter((p): p is Person => p !== null).map((p) => byDirectMessage(chat, p, channelLocale)), fanOut: true };
  }
  if (audience?.kind === "non-answerers") {
    const decision = await stores.decisions.findById(audience.decisionId);
    if (decision?.state !== "open") return { list: [], fanOut: true };
    const rule = (await stores.groups.findById(decision.groupId))?.rules["deputies-vote"] ?? "never";
    // Whoever may answer for a seat still unanswered: the member, their deputy, or both (the rule's).
    const pending = (await stores.decisions.voters(decision.id)).filter((v) => v.answer === null);
    const may = (seat: DecisionVoter, asDeputy: boolean) => answerRefusal({ seat, asDeputy }, decision.mode, rule) === null;
    const ids = pending.flatMap((v) => [...(may(v, false) ? [v.personId] : []), ...(v.deputyId && may(v, true) ? [v.deputyId] : [])]);
    const people = await Promise.all(ids.map((id) => stores.people.findById(id)));
    return { list: people.filter((p): p is Person => p !== null).map((p) => byDirectMessage(chat, p, channelLocale)), fanOut: true };
  }
  const channelId = (await stores.groups.findById(reminder.groupId))?.channelId;
  if (!channelId) throw new NoRecipient(`group ${reminder.groupId} has no linked channel`);
  return { list: [{ key: channelId, target: { kind: "channel", id: channelId }, locale: channelLocale, deliver: (words) => chat.post(channelId, toChannel(text(words))) }], fanOut: false };
}
