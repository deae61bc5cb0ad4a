import { afterEach, expect } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDiscordAdapter, type DiscordAdapter } from "../../../adapters/discord/index.ts";
import { createApp, type App } from "../../../src/app.ts";
import type { CommandRequest } from "../../../src/commands/dispatch.ts";
import type { Logger } from "../../../src/core/shared/logger.ts";
import type { Reply } from "../../../src/render/reply.ts";
import { openStore } from "../../../src/store/open-store.ts";
import { tempDatabase } from "../../support/temp-database.ts";
import { FIXTURE_IDS, startFakeDiscord, type FakeDiscord } from "../harness/discord/index.ts";
import { testBallotSecret } from "../../support/ballot-secret.ts";

export interface DiscordSetup {
  readonly fake: FakeDiscord;
  readonly adapter: DiscordAdapter;
  readonly app: App;
  readonly errors: unknown[];
  /** Every request the adapter handed the dispatcher, in order. */
  readonly requests: CommandRequest[];
  /** The SQLite file under the bot. */
  readonly dbPath: string;
  close(): Promise<void>;
}

/** The REAL adapter over the real core on a temp SQLite file, logged in to the fake Discord. */
export async function startDiscordSetup(options: { slowCommandMs?: number; mapReply?: (reply: Reply) => Reply; /** Instead of the error-recording one. */ logger?: Logger } = {}): Promise<DiscordSetup> {
  const fake = await startFakeDiscord();
  const db = tempDatabase();
  const store = await openStore(db.url);
  const state = mkdtempSync(join(tmpdir(), "council-discord-state-"));
  const errors: unknown[] = [];
  const logger = options.logger ?? { info() {}, warn() {}, error: (fields: object) => void errors.push(fields) };
  const adapter = createDiscordAdapter({
    token: "fake-bot-token",
    applicationId: FIXTURE_IDS.application,
    guildId: FIXTURE_IDS.guild,
    apiUrl: fake.apiUrl,
    logger,
    defaultLocale: "fi",
    stateFile: join(state, "discord-commands.json"),
  });
  const core = createApp({ config: { DEFAULT_LOCALE: "fi", TIMEZONE: "Europe/Helsinki" }, store, chat: adapter.chat, logger, ballotSecret: testBallotSecret });
  const slow = options.slowCommandMs ?? 0;
  const requests: CommandRequest[] = [];
  const app: App = {
    ...core,
    dispatcher: {
      ...core.dispatcher,
      run: async (request, input) => {
        requests.push(request);
        if (slow > 0 && !("line" in input)) await new Promise((resolve) => setTimeout(resolve, slow));
        const reply = await core.dispatcher.run(request, input);
        return options.mapReply ? options.mapReply(reply) : reply;
      },
    },
  };
  adapter.attach(app);
  await adapter.start();
  return {
    fake,
    adapter,
    app,
    errors,
    requests,
    dbPath: db.path,
    async close() {
      await adapter.stop();
      await fake.close();
      await store.close();
      db.remove();
      rmSync(state, { recursive: true, force: true });
    },
  };
}

/**
 * A setup per test, closed after it: the returned function starts it. The test fails when the bot
 * logged an error (a test that provokes errors passes a logger of its own).
 */
export function discordSetupPerTest(): (options?: Parameters<typeof startDiscordSetup>[0]) => Promise<DiscordSetup> {
  let current: DiscordSetup | null = null;
  afterEach(async () => {
    const errors = current?.errors ?? [];
    await current?.close();
    current = null;
    expect(errors).toEqual([]);
  });
  return async (options) => (current = await startDiscordSetup(options));
}

/** Where `area sub` is registered: `/council area sub`, or `/area sub` for an area with a root of its own. */
export function slash(adapter: DiscordAdapter, area: string, subcommand: string): { name: string; group?: string; subcommand: string } {
  return adapter.registration.ownRoots.includes(area) ? { name: area, subcommand } : { name: "council", group: area, subcommand };
}

/** All text of a callback or message body: content, embed titles, descriptions and fields. */
export function bodyText(data: unknown): string {
  const d = (data ?? {}) as { content?: string; embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[] }[] };
  return [d.content ?? "", ...(d.embeds ?? []).flatMap((e) => [e.title ?? "", e.description ?? "", ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])]
    .filter(Boolean)
    .join("\n");
}

/** The custom_ids of a message body's buttons and selects, by label. */
export function buttonsOf(data: unknown): { label: string; customId: string }[] {
  const d = (data ?? {}) as { components?: { components: { label?: string; custom_id?: string }[] }[] };
  return (d.components ?? []).flatMap((row) => row.components.map((c) => ({ label: c.label ?? "", customId: c.custom_id ?? "" })));
}
