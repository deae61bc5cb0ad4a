import { afterEach, describe, expect, it } from "vitest";
import { startEntryPoint } from "../../support/run-console.ts";
import { tempDatabase } from "../../support/temp-database.ts";
import { FIXTURE_IDS, startFakeDiscord } from "../harness/discord/index.ts";


describe("npm start with Discord credentials", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("starts the Discord adapter instead of the console, registers /council, answers it, and stops on SIGTERM", async () => {
    const fake = await startFakeDiscord();
    const db = tempDatabase();
    cleanups.push(() => db.remove(), () => fake.close());
    const bot = await startEntryPoint({
      // Its own working directory: the registration hash file goes under ./data/ there.
      cwd: db.folder,
      env: {
        DATABASE_URL: db.url,
        DISCORD_TOKEN: "entry-point-discord-token",
        DISCORD_APPLICATION_ID: FIXTURE_IDS.application,
        DISCORD_GUILD_ID: FIXTURE_IDS.guild,
        DISCORD_API_URL: fake.apiUrl,
      },
      readyText: "council-bot käynnissä: Discord",
    });
    expect(bot.stderr()).not.toContain("entry-point-discord-token");
    expect(fake.callsTo("PUT", `/applications/${FIXTURE_IDS.application}/guilds/${FIXTURE_IDS.guild}/commands`)).toHaveLength(1);

    const sent = fake.sendChatInput({ name: "council", group: "group", subcommand: "create", options: { name: "Viestintä" } });
    const callback = await fake.waitForCallback(sent);
    expect(JSON.stringify(callback.data)).toContain("Työryhmä **Viestintä** perustettu");

    expect(await bot.stop()).toBe(0);
  });
});
