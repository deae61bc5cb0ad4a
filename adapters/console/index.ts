import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { CommandInput, CommandRequest, Dispatcher } from "../../src/commands/dispatch.ts";
import { filledIn, formNeeded, type FormRequest } from "../../src/commands/long-text.ts";
import { commandOfWords, tokenize } from "../../src/commands/parse-text.ts";
import { commands } from "../../src/commands/registry.ts";
import type { Controls } from "../../src/render/controls.ts";
import type { Locale } from "../../src/i18n/locale.ts";
import { translate } from "../../src/i18n/translate.ts";
import { consoleDirectory, consoleIdentity, consoleWorkspace } from "./directory.ts";
import { renderReply, type Choice } from "./render.ts";

export interface ConsoleAdapterConfig {
  readonly dispatcher: Dispatcher;
  /** Keeps each person's choices, so a key typed after a restart still means what it showed. */
  readonly controls: Controls;
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
 * out), `/as <name>` to act as someone else, `/channel <#name>` to move, or the key in brackets
 * (or the label shown beside it) to press one of the last reply's buttons or options. Resolves when
 * the input ends.
 */
/** The line starts with a command's own words (two or more: `minutes adopt`, not `overview` alone, which a text may begin with). */
const namesCommand = (line: string): boolean => (commandOfWords(commands, tokenize(line))?.path.length ?? 0) >= 2;

export function createConsoleAdapter(config: ConsoleAdapterConfig) {
  let user = config.user;
  let channel = config.channel ?? "#yleinen";
  /** Kept across a restart without their labels: a key typed then still works, a label not. */
  let choices: readonly (Pick<Choice, "key" | "call"> & Partial<Pick<Choice, "label">>)[] = [];
  /** The last reply asked to confirm something, and no answer has come yet. */
  let question = false;
  /** A command waiting for its long text: the next line is that text, exactly as typed. */
  let form: FormRequest | null = null;
  const scope = () => `console:${user.toLocaleLowerCase("fi")}`;
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
    const asked = formNeeded(input);
    if (asked) {
      form = asked;
      return write(await say("console.form", { command: `/council ${asked.call.command}` }));
    }
    const reply = renderReply(await config.dispatcher.run(request(), input));
    write(reply.text);
    choices = reply.choices;
    question = reply.question;
    await config.controls.keep(scope(), choices);
    if (choices.length > 0) write(await say("console.choose"));
  }

  async function fill(asked: FormRequest, raw: string): Promise<void> {
    form = null;
    if (raw.trim() === "") return write(await say("console.form-cancelled"));
    return show(filledIn(asked, raw));
  }

  const say = async (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => {
    const locale: Locale = await config.dispatcher.localeOf(request());
    return translate(locale, key, params);
  };

  async function handle(raw: string): Promise<void> {
    const line = raw.trim();
    const as = /^\/as(?:\s+(.*))?$/i.exec(line);
    if (as) {
      const name = as[1]?.trim().replace(/^"(.*)"$/, "$1");
      if (!name) return write(await say("console.usage-as"));
      user = name;
      choices = await config.controls.kept(scope());
      question = false;
      form = null;
      return write(await say("console.switched-user", { name }));
    }
    const moved = /^\/channel\s+(\S+)$/i.exec(line);
    if (moved?.[1]) {
      channel = moved[1].startsWith("#") ? moved[1] : `#${moved[1]}`;
      return write(await say("console.switched-channel", { channel }));
    }
    // Anything else answers a waiting form, unless it is another command: with the prefix, or
    // without it (`minutes adopt …`), which would otherwise become the whole text asked for.
    if (form && !/^\/council\b/i.test(line) && !namesCommand(line)) return fill(form, raw);
    if (form) write(await say("console.form-cancelled"));
    form = null;
    if (line === "" || line.startsWith("#")) return;
    // A choice may be typed as it is shown: its key in brackets, or its label ("Confirm", a candidate's name).
    const typed = /^\[(\w+)\]$/.exec(line)?.[1] ?? line;
    const byLabel = choices.find((c) => c.label?.toLocaleLowerCase("fi") === typed.toLocaleLowerCase("fi"));
    if (byLabel) return show(byLabel.call);
    if (choices.length === 0 && /^(\d+|[a-z]{1,2})$/i.test(typed)) choices = await config.controls.kept(scope());
    if (/^(\d+|[a-z]{1,2})$/i.test(typed) && (choices.length > 0 || /^\d+$/.test(typed))) {
      const choice = choices.find((c) => c.key === typed.toLowerCase());
      if (choices.length === 0) return write(await say("console.no-choices"));
      if (!choice) return write(await say("console.no-such-choice", { choice: typed, choices: choices.map((c) => c.key).join(", ") }));
      return show(choice.call);
    }
    // Another command instead of the answer: the step asked about (a vote, say) was not taken, and the person hears so.
    if (question) write(await say("console.question-left"));
    return show({ line });
  }

  return {
    async run(): Promise<void> {
      // The last session's buttons are read when a line looks like a key (handle), not here: a
      // start whose first line is a command answers without that query.
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
