import { z } from "zod";
import { officialRoles, officialsSentence, readOfficials, type OfficialRole } from "../../core/meetings/officials.ts";
import type { NamedOfficial } from "../../core/meetings/minutes-service.ts";
import { refuse } from "../../core/shared/refusal.ts";
import { lineTokens } from "../../core/shared/words.ts";
import { done } from "../done.ts";
import { groupName } from "../args.ts";
import { defineCommand } from "../define.ts";

/**
 * `meeting officials Viestintä pj "Anna Aalto" sihteeri Liisa tarkastajat Maija Pekka` — the whole
 * choice on one line, as a secretary types it on a phone; with no roles it shows who was chosen.
 */
export const meetingOfficials = defineCommand({
  path: ["meeting", "officials"],
  args: () => z.object({ group: groupName(), names: z.string().trim().max(600).optional().meta({ kind: "text", rest: true }) }),
  sideEffects: true,
  async run({ inv, services, p, directory }, args) {
    if (!args.names) {
      const { meeting, officials } = await services.minutes.officials(inv, args.group);
      const list = officialsSentence(p, officials);
      return done(p, list ? "officials.set" : "officials.none", { number: meeting.number, list: list ?? "" });
    }
    const choice = readOfficials(lineTokens(args.names)) ?? refuse("officials.usage", { group: args.group });
    const named: Partial<Record<OfficialRole, NamedOfficial[]>> = {};
    for (const role of officialRoles) {
      const names = choice[role];
      if (names) named[role] = await Promise.all(names.map((name) => known(name)));
    }
    const { meeting, officials } = await services.minutes.chooseOfficials(inv, args.group, named);
    return done(p, "officials.set", { number: meeting.number, list: officialsSentence(p, officials) ?? "—" });

    // A mention or user the platform knows becomes that person; any other name is kept as typed.
    async function known(name: string): Promise<NamedOfficial> {
      const identity = await directory.resolve(name).catch(() => null);
      if (!identity) return { name, personId: null };
      const person = await services.people.ensure(identity);
      return { name: person.displayName, personId: person.id };
    }
  },
});
