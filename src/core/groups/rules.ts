import { z } from "zod";
import type { MessageKey } from "../../i18n/catalogues.ts";
import { msg, type Message } from "../../i18n/translate.ts";

/**
 * A working group's own rules. Groups follow their own rules, which in practice copy the
 * Associations Act (yhdistyslaki 503/1989), so each rule's default is the Act's (or the council's
 * usual practice) and a group changes only what it decides otherwise
 * (`group rules <group> <rule> <value>`). Stored as JSON; a rule missing from a stored object
 * takes its default, so rules added later need no migration.
 */
export const groupRuleValues = {
  /** Who becomes a voting member by `group join`: at once (open), or when an officer accepts (approval). */
  joining: ["approval", "open"],
  /**
   * When a personal deputy votes in place of their member: never; when the member has declared
   * themselves prevented; or whenever the member has not voted by the close (the member's own
   * vote always wins). At a meeting a deputy votes only while their member is absent (quorum.ts);
   * in a decision without a meeting the same three hold (`answerRefusal` in decisions/decision.ts):
   * a member declares themselves prevented with `decision prevented`.
   */
  "deputies-vote": ["prevented", "never", "not-voted"],
  /**
   * Quorum (§14 of the Act leaves it to the rules): more than half of the members present, or at
   * least half including the chair or the vice-chair (the usual board rule of association bylaws).
   */
  quorum: ["more-than-half", "half-with-chair"],
  /** Whether members may take part remotely (§17(2): only where the rules allow it). */
  remote: ["yes", "no"],
  /**
   * How an election is counted when it names no method. The Act (§28, as the council reads it):
   * an election held without a meeting is proportional unless the rules say otherwise, and every
   * ballot the bot runs is held in chat, without a meeting; a group may choose majority.
   */
  "election": ["proportional", "majority"],
} as const;

/** Rules whose value is a number of days, with its bounds and default. */
export const groupRuleDays = {
  /** How many days before the meeting the notice (the published agenda) must go out; §24 default 7. */
  "notice": { min: 0, max: 60, default: 7 },
  /** How many days before the meeting members must register (0: no registration asked). */
  "registration": { min: 0, max: 30, default: 0 },
} as const;

type ChoiceRule = keyof typeof groupRuleValues;
type DaysRule = keyof typeof groupRuleDays;
export type GroupRuleName = ChoiceRule | DaysRule;
export const groupRuleNames = [...Object.keys(groupRuleValues), ...Object.keys(groupRuleDays)] as GroupRuleName[];
export const groupRuleNameSchema = z.enum(groupRuleNames as [GroupRuleName, ...GroupRuleName[]]);

export const isDaysRule = (rule: GroupRuleName): rule is DaysRule => rule in groupRuleDays;

// The first value of a choice is its default; a stored value out of range reads as the default.
const choice = <R extends ChoiceRule>(rule: R) => z.enum(groupRuleValues[rule]).catch(groupRuleValues[rule][0] as (typeof groupRuleValues)[R][number]);
const days = (rule: DaysRule) => {
  const { min, max, default: fallback } = groupRuleDays[rule];
  return z.number().int().min(min).max(max).catch(fallback);
};

export const groupRulesSchema = z.object({
  joining: choice("joining"),
  "deputies-vote": choice("deputies-vote"),
  quorum: choice("quorum"),
  remote: choice("remote"),
  "election": choice("election"),
  "notice": days("notice"),
  "registration": days("registration"),
});
export type GroupRules = z.infer<typeof groupRulesSchema>;

/** The defaults, and what a stored object is read as (unknown or missing rules take them). */
export const defaultGroupRules: GroupRules = groupRulesSchema.parse({});
// Missing rules are filled in before parsing: a `.catch` that fires costs zod a whole issue with
// its message, per rule and group, and every group read goes through here (issue 14).
export const readGroupRules = (stored: unknown): GroupRules =>
  groupRulesSchema.parse(stored && typeof stored === "object" && !Array.isArray(stored) ? { ...defaultGroupRules, ...stored } : (stored ?? {}));

/** The value `value` sets the rule to, or null when it is not one the rule takes (case-insensitive). */
export function ruleValue(rule: GroupRuleName, value: string): string | number | null {
  const wanted = value.trim().toLocaleLowerCase("fi");
  if (isDaysRule(rule)) {
    const { min, max } = groupRuleDays[rule];
    const n = /^\d{1,3}$/.test(wanted) ? Number(wanted) : NaN;
    return n >= min && n <= max ? n : null;
  }
  return (groupRuleValues[rule] as readonly string[]).find((v) => v === wanted) ?? null;
}

/** What a rule accepts, as shown in help and refusals: `a | b`, or `0–60`. */
export const ruleChoices = (rule: GroupRuleName): string =>
  isDaysRule(rule) ? `${groupRuleDays[rule].min}–${groupRuleDays[rule].max}` : groupRuleValues[rule].join(" | ");

/** A correct value to show in an example: a choice other than the default, or the default days. */
export const ruleExample = (rule: GroupRuleName): string =>
  isDaysRule(rule) ? String(groupRuleDays[rule].default + 7) : (groupRuleValues[rule][1] ?? groupRuleValues[rule][0]);

/** A rule's value in words: a choice's own message, or the days as a counted phrase. */
export const ruleValueMessage = (rule: GroupRuleName, value: string | number): Message =>
  isDaysRule(rule) ? msg(`rules.${rule}.days`, { count: Number(value) }) : msg(`rules.${rule}.${value}` as MessageKey);
