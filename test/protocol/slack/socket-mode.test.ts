import { afterEach, expect, it } from "vitest";
import { createSlackAdapter } from "../../../adapters/slack/index.ts";
import { createApp } from "../../../src/app.ts";
import { openStore } from "../../../src/store/open-store.ts";
import { tempDatabase } from "../../support/temp-database.ts";
import { slashCommandPayload, startSlackWebApi, startSocketModeServer } from "../harness/slack/index.ts";
import { APP_TOKEN, BOT_TOKEN, blocksText, recordingLogger, retryConfig } from "./setup.ts";
import { testBallotSecret } from "../../support/ballot-secret.ts";

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

it("Socket Mode: connects with the app token and acks /council with the reply as payload", async () => {
  const webApi = await startSlackWebApi();
  cleanups.push(() => webApi.close());
  const socket = await startSocketModeServer({ webApi });
  cleanups.push(() => socket.close());
  const db = tempDatabase();
  const store = await openStore(db.url);
  cleanups.push(() => db.remove(), () => store.close());
  const logger = recordingLogger();
  const adapter = createSlackAdapter({ botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: webApi.url, port: 0, logger, defaultLocale: "fi", retryConfig });
  const app = createApp({ config: { DEFAULT_LOCALE: "fi", TIMEZONE: "Europe/Helsinki" }, store, chat: adapter.chat, logger, ballotSecret: testBallotSecret });
  adapter.attach(app);
  await adapter.start();
  cleanups.push(() => adapter.stop());
  await socket.connected();

  expect(webApi.callsTo("apps.connections.open")[0]?.tokenType).toBe("app");
  const ack = await socket.sendEnvelope(
    "slash_commands",
    slashCommandPayload({ command: "/council", text: "group create Viestintä", responseUrl: webApi.responseUrl("s1") }),
  );
  const payload = ack.payload as { response_type: string; blocks: unknown[] };
  expect(payload.response_type).toBe("ephemeral");
  expect(blocksText(payload.blocks)).toContain("Työryhmä *Viestintä* perustettu.");
  // Nothing in the log carries a token.
  expect(JSON.stringify(logger.entries)).not.toMatch(/xox[bp]-council|xapp-1-council/);
});
