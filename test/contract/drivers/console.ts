import { PassThrough, Writable } from "node:stream";
import { consoleChat } from "../../../adapters/console/chat.ts";
import { createConsoleAdapter } from "../../../adapters/console/index.ts";
import { locales } from "../../../src/i18n/locale.ts";
import { translate } from "../../../src/i18n/translate.ts";
import { tempDatabase } from "../../support/temp-database.ts";
import { until, awaitPosts, type ContractDriver, type Person, type Shown } from "../driver.ts";
import { errorLog, startBot, type Bot } from "./bot.ts";

const names: Record<Person, string> = { chair: "Aino Virtanen", member: "Mikko Korhonen" };
const firstChannel = "#yleinen";

/** One thing the console printed: the adapter's output, or a post the chat port printed. */
interface Printed {
  readonly kind: "out" | "post";
  /** For a post: the channel (`#name`) or person it went to. */
  readonly to?: string;
  readonly text: string;
}

// A pressable choice as the console prints it: `[1] Vahvista  [2] Peruuta`, `  [3] option`, `[a] …`.
const choicePattern = /\[(\d+|[a-z]{1,2})\] (.+?)(?=\s{2,}\[(?:\d+|[a-z]{1,2})\] |$)/gm;

const choicesIn = (text: string): { number: string; label: string }[] =>
  [...text.matchAll(choicePattern)].map((m) => ({ number: m[1] ?? "", label: (m[2] ?? "").trim() }));

/**
 * The console adapter, fed line by line as a piped script is, with its transcript read back. After
 * each line the driver types `/channel <the same channel>`: the console answers it with one known
 * line and changes nothing, so everything printed before that answer belongs to the line.
 */
export async function startConsoleDriver(): Promise<ContractDriver> {
  const db = tempDatabase();
  const printed: Printed[] = [];
  const errors = errorLog();
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      printed.push({ kind: "out", text: chunk.toString().replace(/\n$/, "") });
      done();
    },
  });
  const chat = consoleChat(
    (line) => {
      const to = /^\[[^\]]*?(#\S+|yksityisviesti henkilölle [^\]]+)\] /.exec(line)?.[1];
      printed.push({ kind: "post", text: line.replace(/^\[[^\]]*\] /, ""), ...(to ? { to } : {}) });
    },
    {
      channel: (id) => translate("fi", "console.posted-to", { channel: id }),
      direct: (id) => translate("fi", "console.direct-to", { name: id.replace(/^console:/, "") }),
    },
  );

  let bot: Bot;
  let input: PassThrough;
  let running: Promise<void>;
  let user: Person = "chair";
  let channel = firstChannel;
  const replies = new Map<Person, Shown>();

  async function boot(): Promise<void> {
    bot = await startBot(db.url, errors.logger, { chat });
    input = new PassThrough();
    user = "chair";
    channel = firstChannel;
    const adapter = createConsoleAdapter({ dispatcher: bot.app.dispatcher, controls: bot.app.controls, input, output, interactive: false, user: names.chair, admins: [] });
    running = adapter.run();
  }

  /** Writes `lines` and resolves with the index just past the first printed line in `answers`. */
  async function answered(lines: readonly string[], answers: readonly string[], what: string): Promise<number> {
    const start = printed.length;
    for (const line of lines) input.write(`${line}\n`);
    return until(() => {
      const at = printed.findIndex((p, i) => i >= start && p.kind === "out" && answers.includes(p.text));
      return at >= 0 ? at + 1 : null;
    }, what);
  }

  const inEveryLanguage = (key: "console.switched-channel" | "console.switched-user", params: Record<string, string>) =>
    locales.map((locale) => translate(locale, key, params));

  /** Types one line and resolves with what the console printed for it (not counting posts). */
  async function type(line: string): Promise<string> {
    const start = printed.length;
    const end = await answered([line, `/channel ${channel}`], inEveryLanguage("console.switched-channel", { channel }), `the console's answer to "${line}"`);
    return printed
      .slice(start, end - 1)
      .filter((p) => p.kind === "out")
      .map((p) => p.text)
      .join("\n");
  }

  async function become(person: Person, where = channel): Promise<void> {
    if (person !== user) {
      await answered([`/as ${names[person]}`], inEveryLanguage("console.switched-user", { name: names[person] }), `the switch to ${names[person]}`);
      user = person;
    }
    if (where !== channel) {
      await answered([`/channel ${where}`], inEveryLanguage("console.switched-channel", { channel: where }), `the move to ${where}`);
      channel = where;
    }
  }

  // The console asks for a long text on the next line, saying so in the person's language.
  const asksForText = (text: string) => locales.some((locale) => text.startsWith(translate(locale, "console.form", { command: "" }).split("(")[0]!));

  function shown(person: Person, text: string): Shown {
    const reply = { text, choices: choicesIn(text).map((c) => c.label), ...(asksForText(text) ? { form: { title: text } } : {}) };
    replies.set(person, reply);
    return reply;
  }

  await boot();

  const driver: ContractDriver = {
    platform: "console",
    lacks: {
      forms: null,
      rateLimits: "the console prints to a terminal: nothing there answers 429",
    },
    async command(text, where = {}) {
      const person = where.as ?? "chair";
      await become(person, where.in ? `#${where.in}` : channel);
      return shown(person, await type(text));
    },
    lastReply(as = "chair") {
      const reply = replies.get(as);
      if (!reply) throw new Error(`${as} has not been answered yet`);
      return reply;
    },
    async press(label, who = {}) {
      const person = who.as ?? "chair";
      await become(person);
      // Choices belong to the last reply the console printed; a person types the number shown.
      const choice = choicesIn(replies.get(person)?.text ?? "").find((c) => c.label === label);
      if (!choice) throw new Error(`no choice "${label}" in ${person}'s last reply: ${replies.get(person)?.text ?? "(none)"}`);
      return shown(person, await type(choice.number));
    },
    async submitForm(text, who = {}) {
      // The console asks for a long text on the line after the command: the form is that line.
      const person = who.as ?? "chair";
      await become(person);
      return shown(person, await type(text));
    },
    channelPosts(name, wait) {
      const read = () => printed.filter((p) => p.kind === "post" && p.to === `#${name}`).map((p) => p.text);
      return awaitPosts(read, name, wait);
    },
    async restart() {
      input.end();
      await running;
      await bot.stop();
      await boot();
    },
    rateLimitNext() {
      throw new Error("the console has no rate limits");
    },
    takeLoggedErrors() {
      return errors.take();
    },
    async close() {
      input.end();
      await running;
      await bot.stop();
      db.remove();
    },
  };
  return driver;
}
