import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { CommandInput, CommandRequest, Dispatcher } from "../../src/commands/dispatch.ts";
import type { Locale } from "../../src/i18n/locale.ts";
import { translate } from "../../src/i18n/translate.ts";
import { consoleDirectory, consoleIdentity, consoleWorkspace } from "./directory.ts";
import { renderReply, type Choice } from "./render.ts";

export interface ConsoleAdapterConfig {
  readonly dispatcher: Dispatcher;
  readonly input: Readable;
  readonly output: Writable;
  /** A terminal gets a prompt and line editing; a pipe gets one reply per line and no prompt. */
  readonly interactive: boolean;
  readonly user: string;
  readonly admins: readonly string[];
  readonly channel?: string;
}

/**
 * The whole bot without a chat platform. Lines are `/council …` commands (the prefix may be left
 * out), `/as <name>` to act as someone else, `/channel <#name>` to move, or the key in brackets to
 * press one of the last reply's buttons or options. Resolves when the input ends.
 */
export function createConsoleAdapter(config: ConsoleAdapterConfig) {
  let user = config.user;
  let channel = config.channel ?? "#yleinen";
  let choices: readonly Choice[] = [];
  const write = (text: string): void => {
    config.output.write(`${text}\n`);
  };
  const admins = new Set(config.admins.map((a) => a.toLocaleLowerCase("fi")));

  const request = (): CommandRequest => ({
    identity: consoleIdentity(user),
    isWorkspaceAdmin: admins.has(user.toLocaleLowerCase("fi")),
    workspaceId: consoleWorkspace,
    channelId: channel,
    directory: consoleDirectory,
  });

  async function show(input: CommandInput): Promise<void> {
    const reply = renderReply(await config.dispatcher.run(request(), input));
    write(reply.text);
    choices = reply.choices;
    if (choices.length > 0) write(await say("console.choose"));
  }

  const say = async (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => {
    const locale: Locale = await config.dispatcher.localeOf(request());
    return translate(locale, key, params);
  };

  async function handle(raw: string): Promise<void> {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const as = /^\/as(?:\s+(.*))?$/i.exec(line);
    if (as) {
      const name = as[1]?.trim().replace(/^"(.*)"$/, "$1");
      if (!name) return write(await say("console.usage-as"));
      user = name;
      choices = [];
      return write(await say("console.switched-user", { name }));
    }
    const moved = /^\/channel\s+(\S+)$/i.exec(line);
    if (moved?.[1]) {
      channel = moved[1].startsWith("#") ? moved[1] : `#${moved[1]}`;
      return write(await say("console.switched-channel", { channel }));
    }
    if (/^(\d+|[a-z]{1,2})$/i.test(line) && (choices.length > 0 || /^\d+$/.test(line))) {
      const choice = choices.find((c) => c.key === line.toLowerCase());
      if (choices.length === 0) return write(await say("console.no-choices"));
      if (!choice) return write(await say("console.no-such-choice", { choice: line, choices: choices.map((c) => c.key).join(", ") }));
      return show(choice.call);
    }
    return show({ line });
  }

  return {
    async run(): Promise<void> {
      const lines = createInterface({ input: config.input, output: config.interactive ? config.output : undefined, terminal: config.interactive });
      const prompt = () => {
        if (!config.interactive) return;
        lines.setPrompt(`${user} ${channel}> `);
        lines.prompt();
      };
      prompt();
      // One line at a time, in order: a script's later lines may depend on earlier ones.
      for await (const line of lines) {
        await handle(line);
        prompt();
      }
    },
  };
}
