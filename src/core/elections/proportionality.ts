import { msg, type Message } from "../../i18n/translate.ts";
import type { GroupRules } from "../groups/rules.ts";
import type { ElectionMethod } from "./election.ts";

/** Methods that, for several seats, can give every seat to the largest group. */
const blockVotes: readonly ElectionMethod[] = ["plurality", "approval"];

/**
 * Associations Act 28 §: an election held without a meeting is proportional unless the rules say
 * otherwise. The bot does not forbid a block vote (a group may have good reason), but says so when
 * one is chosen for several seats: more firmly where the group's own rules say proportional.
 */
export function proportionalityWarning(method: ElectionMethod, seats: number, group: { name: string; rules: GroupRules }): Message | null {
  if (seats <= 1 || !blockVotes.includes(method)) return null;
  if (group.rules.election === "proportional") return msg("elections.created.rules-proportional", { group: group.name, method });
  return method === "plurality" ? msg("elections.created.proportional-hint") : null;
}
