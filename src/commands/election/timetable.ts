import { z } from "zod";
import { timetablePhaseSchema } from "../../core/elections/election.ts";
import { shownTimetable } from "../../core/elections/timetable.ts";
import { refuse } from "../../core/shared/refusal.ts";
import type { ArgMeta } from "../args.ts";
import { done } from "../done.ts";
import { defineCommand } from "../define.ts";
import { electionId } from "./args.ts";

/** `election timetable e7k2m9q closes 14.12.2026 18:00`: one point of the timetable at a time. */
export const electionTimetable = defineCommand({
  path: ["election", "timetable"],
  args: () => z.object({
    election: electionId(),
    phase: timetablePhaseSchema,
    when: z.string().trim().min(1).max(40).meta({ kind: "text", rest: true } satisfies ArgMeta),
  }),
  sideEffects: true,
  async run({ inv, services, p }, args) {
    const parsed = services.meetings.readWhen(args.when);
    if (!parsed || parsed.rest) refuse("election.bad-time", { given: args.when, id: args.election });
    const { election } = await services.elections.timetable.set(inv, args.election, args.phase, parsed.at);
    return done(p, "elections.timetable-set", { title: election.title, ...shownTimetable(p, election) });
  },
});
