import type { Client } from "discord.js";
import type { PersonDirectory } from "../../src/core/people/directory.ts";
import type { PersonIdentity } from "../../src/core/people/person.ts";
import { decodePerson, personId } from "./ids.ts";
import { mentionPattern, type KnownUser } from "./parse.ts";

/**
 * People named in one interaction: `<@id>` (what a user option becomes), a bare user id or our own
 * `discord:<guild>:<user>`. Names come from what the interaction resolved; anyone else is looked up
 * as a guild member over REST (GET /guilds/:id/members/:user needs no privileged intent), then as a
 * plain user. Nobody by that reference → null, and the core says so.
 */
export function discordDirectory(client: Client, guild: string, known: readonly KnownUser[] = []): PersonDirectory {
  const names = new Map(known.map((u) => [u.id, u.displayName]));
  return {
    async resolve(reference: string): Promise<PersonIdentity | null> {
      const value = reference.trim();
      const id = mentionPattern.exec(value)?.[1] ?? (/^\d{1,20}$/.test(value) ? value : decodePerson(value)?.guild === guild ? decodePerson(value)!.id : null);
      if (!id) return null;
      const name = names.get(id) ?? (await lookUp(client, guild, id));
      return name === null ? null : { externalId: personId(guild, id), displayName: name };
    },
  };
}

async function lookUp(client: Client, guild: string, id: string): Promise<string | null> {
  try {
    const member = await client.guilds.cache.get(guild)?.members.fetch(id);
    if (member) return member.displayName;
  } catch {
    // Not a member (any more): try the user itself.
  }
  try {
    const user = await client.users.fetch(id);
    return user.globalName ?? user.username;
  } catch {
    return null;
  }
}
