import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { runConsole, startEntryPoint } from "../../support/run-console.ts";
import { tempDatabase } from "../../support/temp-database.ts";
import { sendSlashCommand, startSlackWebApi, type SlackWebApi } from "../harness/slack/index.ts";

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe("npm start with Slack credentials", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("starts the Slack adapter instead of the console, answers a signed /council, and stops on SIGTERM", async () => {
    const webApi: SlackWebApi = await startSlackWebApi();
    const db = tempDatabase();
    cleanups.push(() => db.remove(), () => webApi.close());
    const port = await freePort();
    const bot = await startEntryPoint({
      env: {
        DATABASE_URL: db.url,
        SLACK_BOT_TOKEN: "xoxb-entry-point-test",
        SLACK_SIGNING_SECRET: "entry-point-secret",
        SLACK_API_URL: webApi.url,
        PORT: String(port),
      },
      readyText: "council-bot käynnissä: Slack",
    });
    expect(bot.stderr()).not.toContain("xoxb-entry-point-test");

    const answer = await sendSlashCommand({
      url: `http://127.0.0.1:${port}/slack/events`,
      signingSecret: "entry-point-secret",
      command: "/council",
      text: "group create Viestintä",
      responseUrl: webApi.responseUrl("entry"),
    });
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.body)).toContain("Työryhmä *Viestintä* perustettu");

    expect(await bot.stop()).toBe(0);
  });

  it("refuses a bad Slack configuration with exit code 2, naming the variable but never echoing a token", async () => {
    const db = tempDatabase();
    cleanups.push(() => db.remove());
    const run = await runConsole("", { DATABASE_URL: db.url, SLACK_BOT_TOKEN: "xoxb-half", SLACK_APP_TOKEN: "not-an-app-token", DEFAULT_LOCALE: "en" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("SLACK_APP_TOKEN=[…]: a Slack app-level token for Socket Mode, starting xapp-");
    expect(run.stderr).not.toContain("not-an-app-token");
  });

  it("refuses a bot token without a signing secret or app token", async () => {
    const db = tempDatabase();
    cleanups.push(() => db.remove());
    const run = await runConsole("", { DATABASE_URL: db.url, SLACK_BOT_TOKEN: "xoxb-half", DEFAULT_LOCALE: "en" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('SLACK_SIGNING_SECRET="": the Slack app\'s Signing Secret');
  });
});
