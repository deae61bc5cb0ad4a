import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { buildRegistration } from "../../../adapters/discord/commands.ts";
import { registerIfChanged } from "../../../adapters/discord/register.ts";
import { commands } from "../../../src/commands/registry.ts";
import { FIXTURE_IDS, startFakeDiscord, type FakeDiscord } from "../harness/discord/index.ts";

const run = promisify(execFile);
const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "council-discord-register-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe("Discord command registration", () => {
  it("registers again only when the definitions' hash changed", async () => {
    const puts: string[] = [];
    const rest = { put: async (route: string) => void puts.push(route) };
    const file = join(tempDir(), "state", "discord-commands.json");
    const registration = buildRegistration(commands);
    expect(await registerIfChanged(rest, "1", "2", registration, file)).toBe(true);
    expect(await registerIfChanged(rest, "1", "2", registration, file)).toBe(false);
    expect(puts).toEqual(["/applications/1/guilds/2/commands"]);
    // Another scope (global) is remembered separately; a changed grammar registers again.
    expect(await registerIfChanged(rest, "1", undefined, registration, file)).toBe(true);
    const smaller = buildRegistration(commands.filter((c) => c.path[0] !== "news"));
    expect(await registerIfChanged(rest, "1", "2", smaller, file)).toBe(true);
    expect(puts).toEqual(["/applications/1/guilds/2/commands", "/applications/1/commands", "/applications/1/guilds/2/commands"]);
    expect(Object.keys(JSON.parse(readFileSync(file, "utf8")) as object)).toEqual(["1:2", "1:global"]);
  });

  it("scripts/discord-register.ts PUTs the payload to the guild and records the hash", async () => {
    const fake: FakeDiscord = await startFakeDiscord();
    cleanups.push(() => fake.close());
    const cwd = tempDir();
    const root = resolve(import.meta.dirname, "../../..");
    const { stdout } = await run(join(root, "node_modules/.bin/tsx"), [join(root, "scripts/discord-register.ts")], {
      cwd,
      env: {
        PATH: process.env.PATH,
        DISCORD_TOKEN: "fake-bot-token",
        DISCORD_APPLICATION_ID: FIXTURE_IDS.application,
        DISCORD_GUILD_ID: FIXTURE_IDS.guild,
        DISCORD_API_URL: fake.apiUrl,
      },
    });
    expect(stdout).toContain(`guild ${FIXTURE_IDS.guild}`);
    const [put] = fake.callsTo("PUT", `/applications/${FIXTURE_IDS.application}/guilds/${FIXTURE_IDS.guild}/commands`);
    expect((put?.body as { name: string }[])[0]?.name).toBe("council");
    const state = JSON.parse(readFileSync(join(cwd, "data/discord-commands.json"), "utf8")) as Record<string, string>;
    expect(state[`${FIXTURE_IDS.application}:${FIXTURE_IDS.guild}`]).toBe(buildRegistration(commands).hash);
  }, 20_000);
});
