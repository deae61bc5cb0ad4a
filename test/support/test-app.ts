import { consoleDirectory, consoleIdentity, consoleWorkspace } from "../../adapters/console/directory.ts";
import { createApp } from "../../src/app.ts";
import type { MailPort } from "../../src/core/mail/mail.ts";
import type { CommandRequest } from "../../src/commands/dispatch.ts";
import { manualClock } from "../../src/core/shared/clock.ts";
import type { Invocation } from "../../src/core/shared/invocation.ts";
import type { Block, Reply } from "../../src/render/reply.ts";
import { openStore } from "../../src/store/open-store.ts";
import { recordingChat } from "./recording-chat.ts";
import { tempPostgresSchema } from "./postgres.ts";
import { tempDatabase } from "./temp-database.ts";
import { testBallotSecret } from "./ballot-secret.ts";

export type Backend = "sqlite" | "postgresql";

export const silentLogger = { info() {}, warn() {}, error() {} };

/** The real core over a real SQLite file, with a recording chat port and a clock the test sets. */
export async function createTestApp(
  options: { admins?: string[]; start?: Date; backend?: Backend; mail?: MailPort; publicUrl?: () => string | null } = {},
) {
  const db = options.backend === "postgresql" ? tempPostgresSchema() : tempDatabase();
  const open = () => openStore(db.url, "schema" in db ? { schema: db.schema } : {});
  const store = await open();
  const chat = recordingChat();
  const clock = manualClock(options.start ?? new Date("2026-11-28T10:00:00Z"));
  const errors: unknown[] = [];
  const logger = { ...silentLogger, error: (fields: object) => void errors.push(fields) };
  const app = createApp({ config: { DEFAULT_LOCALE: "fi", TIMEZONE: "Europe/Helsinki" }, store, chat, logger, ballotSecret: testBallotSecret,
    clock,
    ...(options.mail ? { mail: options.mail } : {}),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
  });
  const admins = new Set(options.admins ?? []);
  const request = (name: string, channelId: string | null = "#yleinen"): CommandRequest => ({
    identity: consoleIdentity(name),
    isWorkspaceAdmin: admins.has(name),
    workspaceId: consoleWorkspace,
    channelId,
    directory: consoleDirectory,
  });
  return {
    ...app,
    store,
    chat,
    clock,
    errors,
    request,
    /** The PostgreSQL schema this app's tables are in (null on SQLite), for tests that read them raw. */
    postgresSchema: "schema" in db ? db.schema : null,
    /** Runs a command line as `name` and returns the reply's text, blocks joined by newlines. */
    async say(name: string, line: string): Promise<string> {
      return replyText(await app.dispatcher.runLine(request(name), line));
    },
    /** Another connection to the same database, as a second bot process would have; the caller closes it. */
    openSecondStore: open,
    async invocation(name: string): Promise<Invocation> {
      const person = await app.services.people.ensure(consoleIdentity(name));
      return { actor: { person, isWorkspaceAdmin: admins.has(name) }, workspaceId: consoleWorkspace, channelId: "#yleinen", locale: "fi" };
    },
    async close() {
      await store.close();
      await db.remove();
    },
  };
}
export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

const blockText = (block: Block): string => {
  switch (block.type) {
    case "heading":
    case "text":
    case "context":
      return block.text;
    case "fields":
      return block.fields.map((f) => `${f.label}: ${f.value}`).join("\n");
    case "list":
      return block.items.join("\n");
    case "buttons":
      return block.buttons.map((b) => `[${b.label}]`).join(" ");
    case "select":
      return block.options.map((o) => `<${o.label}>`).join(" ");
    case "divider":
      return "---";
  }
};

export const replyText = (reply: Reply): string => reply.blocks.map(blockText).join("\n");
