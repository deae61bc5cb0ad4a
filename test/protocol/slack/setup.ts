import { createSlackAdapter, type SlackAdapter } from "../../../adapters/slack/index.ts";
import { createApp, type App } from "../../../src/app.ts";
import type { Dispatcher } from "../../../src/commands/dispatch.ts";
import type { Logger } from "../../../src/core/shared/logger.ts";
import { openStore } from "../../../src/store/open-store.ts";
import { tempDatabase } from "../../support/temp-database.ts";
import { startSlackWebApi, type SlackWebApi } from "../harness/slack/index.ts";
import { testBallotSecret } from "../../support/ballot-secret.ts";

export const SIGNING_SECRET = "council-slack-test-secret";
export const BOT_TOKEN = "xoxb-council-test-token";
export const APP_TOKEN = "xapp-1-council-test-token";
export const retryConfig = { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 50 };

export interface LogEntry {
  level: "info" | "warn" | "error";
  fields: object;
  message: string;
}

export function recordingLogger() {
  const entries: LogEntry[] = [];
  const at = (level: LogEntry["level"]) => (fields: object, message: string) => void entries.push({ level, fields, message });
  return { entries, info: at("info"), warn: at("warn"), error: at("error") };
}

export interface SlackBot {
  webApi: SlackWebApi;
  adapter: SlackAdapter;
  app: App;
  logger: ReturnType<typeof recordingLogger>;
  target: { url: string; signingSecret: string };
  /** The SQLite file under the bot. */
  dbPath: string;
  close(): Promise<void>;
}

/** The real Slack adapter over the real core on a temp SQLite, in HTTP mode against the fake Web API. */
export async function startSlackBot(
  options: { dispatcher?: (real: Dispatcher) => Dispatcher; ackWithinMs?: number; /** Instead of the recording one. */ logger?: Logger } = {},
): Promise<SlackBot> {
  const webApi = await startSlackWebApi();
  const db = tempDatabase();
  const store = await openStore(db.url);
  const logger = recordingLogger();
  const adapter = createSlackAdapter({
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    apiUrl: webApi.url,
    port: 0,
    host: "127.0.0.1",
    logger: options.logger ?? logger,
    defaultLocale: "fi",
    retryConfig,
    ...(options.ackWithinMs !== undefined ? { ackWithinMs: options.ackWithinMs } : {}),
  });
  const app = createApp({ config: { DEFAULT_LOCALE: "fi", TIMEZONE: "Europe/Helsinki" }, store, chat: adapter.chat, logger: options.logger ?? logger, ballotSecret: testBallotSecret });
  adapter.attach(options.dispatcher ? { ...app, dispatcher: options.dispatcher(app.dispatcher) } : app);
  await adapter.start();
  const url = adapter.eventsUrl;
  if (!url) throw new Error("adapter did not report its URL");
  return {
    webApi,
    adapter,
    app,
    logger,
    target: { url, signingSecret: SIGNING_SECRET },
    dbPath: db.path,
    async close() {
      await adapter.stop();
      await store.close();
      db.remove();
      await webApi.close();
    },
  };
}

/** All mrkdwn / plain text of a message's blocks, joined: what a person would read. */
export function blocksText(blocks: unknown): string {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (value && typeof value === "object") {
      const record = value as Record<string, unknown>;
      if (typeof record.text === "string") out.push(record.text);
      for (const [key, inner] of Object.entries(record)) if (key !== "text" || typeof inner !== "string") walk(inner);
    }
  };
  walk(blocks);
  return out.join("\n");
}
