/**
 * Registers the `/council` command with Discord once: `npm run discord:register`.
 * In DISCORD_GUILD_ID when set (visible at once), else globally (Discord may take a while to show it).
 * Records the definitions' hash in ./data/discord-commands.json, so the bot's own start-up
 * registration (which runs only when the hash changed) does not repeat it.
 */
import { existsSync } from "node:fs";
import { REST } from "discord.js";
import { buildRegistration } from "../adapters/discord/commands.ts";
import { registerIfChanged } from "../adapters/discord/register.ts";
import { commands } from "../src/commands/registry.ts";
import { parseConfig } from "../src/config.ts";

async function main(): Promise<number> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n`);
    return 2;
  }
  const { DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: applicationId, DISCORD_GUILD_ID: guildId, DISCORD_API_URL: api } = parsed.config;
  if (!token || !applicationId) {
    process.stderr.write("discord:register needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (see adapters/discord/README.md)\n");
    return 2;
  }
  // Throws RegistrationLimitError when the grammar outgrew Discord's limits: nothing is dropped silently.
  const registration = buildRegistration(commands);
  const rest = new REST({ version: "10", ...(api ? { api } : {}) }).setToken(token);
  await registerIfChanged(rest, applicationId, guildId, registration, undefined, { force: true });
  const count = registration.routes.size;
  process.stdout.write(`/council registered ${guildId ? `in guild ${guildId}` : "globally"}: ${count} subcommands.\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`discord:register: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
