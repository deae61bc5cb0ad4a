import { z } from "zod";
import { proposalMaxLength } from "../../core/decisions/decision.ts";
import { parseDueDate } from "../../core/meetings/when.ts";
import { refuse } from "../../core/shared/refusal.ts";
import { showTime } from "../../core/shared/show-time.ts";
import { done } from "../done.ts";
import { flag, groupName, restOfLine } from "../args.ts";
import { typedName } from "../../core/shared/words.ts";
import { defineCommand } from "../define.ts";

/**
 * `decide Viestintä 15.12.2026 Hyväksytään kevään budjetti`: a decision without a meeting, open
 * until the end of the given day. The deadline is positional because the grammar's options are
 * flags; `--unanimous` asks for every member's yes.
 */
export const decide = defineCommand({
  path: ["decide"],
  args: () => z.object({
    group: groupName(),
    deadline: z.string().trim().min(1).max(20).meta({ kind: "text" }),
    unanimous: flag(),
    decision: restOfLine(proposalMaxLength),
  }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const deadline = parseDueDate(args.deadline, p.timeZone) ?? refuse("decision.bad-deadline", { given: args.deadline });
    // A time after the date (`15.12.2026 18:00`) would begin the proposal's text; a proposal runs to the end of its day.
    const time = /^(?:(?:klo|kl|at)\s+)?\d{1,2}(?:[:.]\d{2})?(?=\s|$)/i.exec(args.decision);
    if (time && /[:.]|klo|kl|at/i.test(time[0])) {
      refuse("decision.deadline-time", { given: time[0], example: `decide ${typedName(args.group)} ${args.deadline} ${args.decision.slice(time[0].length).trim()}` });
    }
    const { group, decision } = await services.decisions.propose(inv, args.group, args.decision, deadline, args.unanimous ? "unanimous" : "majority");
    return done(p, "decision.proposed", { group: group.name, number: decision.number, deadline: showTime(p, "weekdayDateTime", decision.deadline) });
  },
});
