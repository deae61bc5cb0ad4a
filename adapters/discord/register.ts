import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { RESTPutAPIApplicationCommandsJSONBody } from "discord.js";
import { newsletterCommand, type Registration } from "./commands.ts";

/** What registering needs of discord.js's REST client (`client.rest` or a bare `REST`). */
export interface CommandRest {
  put(route: `/${string}`, options: { body: unknown }): Promise<unknown>;
}

export const commandsRoute = (applicationId: string, guildId?: string): `/${string}` =>
  guildId ? `/applications/${applicationId}/guilds/${guildId}/commands` : `/applications/${applicationId}/commands`;

/** Replaces the application's commands (in one guild if given — instant —, else globally). */
export async function registerCommands(rest: CommandRest, applicationId: string, guildId: string | undefined, registration: Registration): Promise<void> {
  const body: RESTPutAPIApplicationCommandsJSONBody = [...registration.payloads, newsletterCommand()];
  await rest.put(commandsRoute(applicationId, guildId), { body });
}

/** The default file remembering what was registered (one hash per application and scope). */
export const defaultStateFile = "./data/discord-commands.json";

/**
 * Registers only when the definitions changed since the last registration for this application
 * and scope, remembered as a hash in `stateFile` (under ./data/ by default); `force` registers anyway
 * (the `discord:register` script). Returns whether it registered.
 */
export async function registerIfChanged(
  rest: CommandRest,
  applicationId: string,
  guildId: string | undefined,
  registration: Registration,
  stateFile: string = defaultStateFile,
  options: { force?: boolean } = {},
): Promise<boolean> {
  const scope = `${applicationId}:${guildId ?? "global"}`;
  let state: Record<string, string> = {};
  try {
    state = JSON.parse(await readFile(stateFile, "utf8")) as Record<string, string>;
  } catch {
    // First start, or an unreadable file: register.
  }
  if (!options.force && state[scope] === registration.hash) return false;
  await registerCommands(rest, applicationId, guildId, registration);
  await mkdir(dirname(stateFile), { recursive: true });
  await writeFile(stateFile, `${JSON.stringify({ ...state, [scope]: registration.hash }, null, 2)}\n`);
  return true;
}
