import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { runConsole, type ConsoleRun } from "../support/run-console.ts";
import { tempDatabase } from "../support/temp-database.ts";
import { FIXTURE_IDS, startFakeDiscord } from "../protocol/harness/discord/index.ts";
import { startSlackWebApi } from "../protocol/harness/slack/index.ts";

/** A port nothing listens on: connections to it are refused, as when the API is down. */
const closedPort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The real entry point with these settings and no input; the database is a fresh temp file. */
async function start(env: Record<string, string>): Promise<ConsoleRun> {
  const db = tempDatabase();
  cleanups.push(() => db.remove());
  return runConsole("", { DATABASE_URL: db.url, DEFAULT_LOCALE: "en", ...env });
}

/** What the operator reads: exactly one line on stderr, and nothing like a stack frame anywhere. */
function oneClearLine(run: ConsoleRun): string {
  const lines = run.stderr.split("\n").filter((l) => l.trim() !== "");
  expect(`${run.stdout}${run.stderr}`).not.toMatch(/^\s+at /m);
  expect(lines).toHaveLength(1);
  return lines[0] ?? "";
}

const slackEnv = (apiUrl: string) => ({ SLACK_BOT_TOKEN: "xoxb-start-up-test", SLACK_SIGNING_SECRET: "start-up-secret", SLACK_API_URL: apiUrl, PORT: "39517" });

describe("start-up on Slack", () => {
  it.each(["invalid_auth", "token_revoked"])("exits with code 3 and one line naming SLACK_BOT_TOKEN when Slack answers %s", async (error) => {
    const webApi = await startSlackWebApi();
    cleanups.push(() => webApi.close());
    webApi.respondWith("auth.test", { ok: false, error });
    const run = await start(slackEnv(webApi.url));
    expect(run.code).toBe(3);
    const line = oneClearLine(run);
    expect(line).toBe(
      `Slack refused the bot's token (${error}): check SLACK_BOT_TOKEN. A revoked or regenerated token must be copied again from the app's settings (see the README).`,
    );
    expect(run.stderr).not.toContain("xoxb-start-up-test");
  });

  it("exits with code 3 naming SLACK_APP_TOKEN when Socket Mode's app token is refused", async () => {
    // No Socket Mode server attached: the fake answers apps.connections.open with invalid_auth.
    const webApi = await startSlackWebApi();
    cleanups.push(() => webApi.close());
    const run = await start({ SLACK_BOT_TOKEN: "xoxb-start-up-test", SLACK_APP_TOKEN: "xapp-start-up-test", SLACK_API_URL: webApi.url });
    expect(run.code).toBe(3);
    expect(oneClearLine(run)).toContain("Slack refused the bot's token (invalid_auth): check SLACK_APP_TOKEN.");
  });

  it("tries an unreachable Slack for PLATFORM_CONNECT_SECONDS, then exits with code 4 and one line", async () => {
    const port = await closedPort();
    const run = await start({ ...slackEnv(`http://127.0.0.1:${port}/api/`), PLATFORM_CONNECT_SECONDS: "2", LOG_LEVEL: "silent" });
    expect(run.code).toBe(4);
    expect(oneClearLine(run)).toBe(
      "Slack could not be reached within 2 s (ECONNREFUSED): check the network connection, and SLACK_API_URL if it is set, then start the bot again.",
    );
  });

  it("says in the log that it is still trying while Slack is unreachable", async () => {
    const port = await closedPort();
    const run = await start({ ...slackEnv(`http://127.0.0.1:${port}/api/`), PLATFORM_CONNECT_SECONDS: "1", LOG_LEVEL: "warn" });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain("platform not reachable yet, trying again");
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});

const discordEnv = (apiUrl: string) => ({ DISCORD_TOKEN: "wrong-discord-token", DISCORD_APPLICATION_ID: FIXTURE_IDS.application, DISCORD_API_URL: apiUrl });

describe("start-up on Discord", () => {
  it("exits with code 3 and one line naming DISCORD_TOKEN when Discord answers 401", async () => {
    const fake = await startFakeDiscord({ token: "the-right-token" });
    cleanups.push(() => fake.close());
    const run = await start(discordEnv(fake.apiUrl));
    expect(run.code).toBe(3);
    expect(oneClearLine(run)).toBe(
      "Discord refused the bot's token (401: Unauthorized): check DISCORD_TOKEN. A revoked or regenerated token must be copied again from the app's settings (see the README).",
    );
    expect(run.stderr).not.toContain("wrong-discord-token");
    expect(fake.identifies).toHaveLength(0);
  });

  it("tries an unreachable Discord for PLATFORM_CONNECT_SECONDS, then exits with code 4 and one line", async () => {
    const port = await closedPort();
    const run = await start({ ...discordEnv(`http://127.0.0.1:${port}/api`), PLATFORM_CONNECT_SECONDS: "2", LOG_LEVEL: "silent" });
    expect(run.code).toBe(4);
    expect(oneClearLine(run)).toBe(
      "Discord could not be reached within 2 s (ECONNREFUSED): check the network connection, and DISCORD_API_URL if it is set, then start the bot again.",
    );
  });
});
