import { z } from "zod";

/**
 * A working group's own rules. Groups follow their own rules, which in practice copy the
 * Associations Act, so each rule's default is the Act's (or the council's usual practice) and a
 * group changes only what it decides otherwise (`group rules <group> <rule> <value>`).
 * Stored as JSON; a rule missing from a stored object takes its default.
 */
export const groupRuleValues = {
  /** Who becomes a voting member by `group join`: at once (open), or when an officer accepts (approval). */
  joining: ["approval", "open"],
  /**
   * When a personal deputy votes in the group's elections in place of their member: never; when
   * the member has declared themselves prevented; or whenever the member has not voted by the
   * close (the member's own vote always wins).
   */
  "deputies-vote": ["prevented", "never", "not-voted"],
} as const;

export type GroupRuleName = keyof typeof groupRuleValues;
export const groupRuleNames = Object.keys(groupRuleValues) as GroupRuleName[];
export const groupRuleNameSchema = z.enum(groupRuleNames as [GroupRuleName, ...GroupRuleName[]]);

// The first value of each rule is its default.
export const groupRulesSchema = z.object({
  joining: z.enum(groupRuleValues.joining).catch(groupRuleValues.joining[0]),
  "deputies-vote": z.enum(groupRuleValues["deputies-vote"]).catch(groupRuleValues["deputies-vote"][0]),
});
export type GroupRules = z.infer<typeof groupRulesSchema>;

/** The defaults, and what a stored object is read as (unknown or missing rules take them). */
export const defaultGroupRules: GroupRules = groupRulesSchema.parse({});
export const readGroupRules = (stored: unknown): GroupRules => groupRulesSchema.parse(stored ?? {});

/** The values a rule takes, or null when `value` is not one of them (case-insensitive). */
export function ruleValue(rule: GroupRuleName, value: string): string | null {
  const wanted = value.trim().toLocaleLowerCase("fi");
  return (groupRuleValues[rule] as readonly string[]).find((v) => v === wanted) ?? null;
}
