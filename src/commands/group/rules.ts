import { z } from "zod";
import { rulesReply } from "../../core/groups/replies.ts";
import { groupRuleNameSchema } from "../../core/groups/rules.ts";
import { groupName, type ArgMeta } from "../args.ts";
import { defineCommand } from "../define.ts";

/** `group rules <group>` shows the rules; with a rule and a value, an officer changes one. */
export const groupRules = defineCommand({
  path: ["group", "rules"],
  args: () => z.object({
    group: groupName(),
    rule: groupRuleNameSchema.meta({ picker: "autocomplete" } satisfies ArgMeta).optional(),
    value: z.string().trim().max(40).meta({ kind: "text" }).optional(),
  }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const group =
      args.rule === undefined
        ? (await services.groups.info(inv, args.group)).group
        : await services.groups.setRule(inv, args.group, args.rule, args.value ?? "");
    return rulesReply(p, group, args.rule);
  },
});
