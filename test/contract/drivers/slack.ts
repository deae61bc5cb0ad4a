import { createSlackAdapter } from "../../../adapters/slack/index.ts";
import { tempDatabase } from "../../support/temp-database.ts";
import {
  blockActionPayload,
  DEFAULT_BOT_ID,
  DEFAULT_BOT_USER_ID,
  newTriggerId,
  plainTextValue,
  sendInteractive,
  sendSlashCommand,
  sendViewSubmission,
  slackTs,
  startSlackWebApi,
  type RecordedCall,
  type SlackHttpResponse,
} from "../../protocol/harness/slack/index.ts";
import { retryConfig, SIGNING_SECRET, BOT_TOKEN } from "../../protocol/slack/setup.ts";
import { slackControls, slackText } from "../../protocol/slack/seen.ts";
import { awaitPosts, until, type ContractDriver, type Person, type Shown } from "../driver.ts";
import { errorLog, startBot, type Bot } from "./bot.ts";

const users: Record<Person, { id: string; name: string }> = {
  chair: { id: "U0AINO", name: "Aino Virtanen" },
  member: { id: "U0MIKKO", name: "Mikko Korhonen" },
};
/** A channel name as a Slack channel id: `tiedotus` → `C0TIEDOTUS`. */
const channelOf = (name: string): string => `C0${name.toUpperCase().replace(/[^A-Z0-9]/g, "")}`;

/** A message the bot sent that someone can see: its blocks, where it is, and who sees it. */
interface Message {
  readonly blocks: readonly unknown[];
  readonly text: string;
  readonly channel: string;
  readonly ts: string;
  /** Only this person sees it (an ephemeral answer or a direct message); else the whole channel. */
  readonly onlyFor: Person | null;
  readonly ephemeral: boolean;
  /** Replaced by a later answer (`replace_original`): its buttons are gone. */
  replaced?: boolean;
}

interface SlackBody {
  response_type?: string;
  replace_original?: boolean;
  text?: string;
  blocks?: unknown[];
}

interface View {
  id: string;
  callback_id: string;
  title?: { text?: string };
  blocks: { type: string; block_id?: string; element?: { action_id?: string } }[];
}

/**
 * The real Slack adapter in HTTP mode over one fake Web API for the driver's life: slash commands,
 * block_actions and view_submissions are signed HTTP requests to the adapter, and everything the
 * bot sends (acknowledgements, response_url bodies, Web API calls) is read back from the fake.
 */
export async function startSlackDriver(): Promise<ContractDriver> {
  const webApi = await startSlackWebApi();
  for (const { id, name } of Object.values(users)) {
    webApi.setUser(id, { real_name: name, profile: { real_name: name, display_name: name.split(" ")[0] ?? name } });
  }
  const db = tempDatabase();
  const errors = errorLog();
  let bot: Bot;
  let target: { url: string; signingSecret: string };

  const messages: Message[] = [];
  const replies = new Map<Person, Shown>();
  const forms = new Map<Person, View>();
  let readCalls = 0;
  let responses = 0;

  async function boot(): Promise<void> {
    const adapter = createSlackAdapter({
      botToken: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      apiUrl: webApi.url,
      port: 0,
      host: "127.0.0.1",
      logger: errors.logger,
      defaultLocale: "fi",
      retryConfig,
    });
    bot = await startBot(db.url, errors.logger, adapter);
    const url = adapter.eventsUrl;
    if (!url) throw new Error("the Slack adapter did not say where it listens");
    target = { url, signingSecret: SIGNING_SECRET };
  }

  const dmOf = (person: Person): string | undefined => {
    const opened = webApi.callsTo("conversations.open").find((c) => c.args.users === users[person].id);
    return (opened?.response as { channel?: { id?: string } } | undefined)?.channel?.id;
  };

  const personOfDm = (channel: string): Person | null =>
    (Object.keys(users) as Person[]).find((p) => channel === users[p].id || channel === dmOf(p)) ?? null;

  /** Keeps the messages sent through the Web API since the last look as what people see. */
  function readPosts(): void {
    const fresh = webApi.calls.slice(readCalls);
    readCalls = webApi.calls.length;
    for (const call of fresh) {
      if (call.rateLimited || (call.response as { ok?: boolean }).ok !== true) continue;
      const blocks = (call.args.blocks as unknown[] | undefined) ?? [];
      const text = String(call.args.text ?? "");
      if (call.method === "chat.postMessage") {
        const channel = String((call.response as { channel?: string }).channel ?? call.args.channel);
        messages.push({ blocks, text, channel, ts: String((call.response as { ts?: string }).ts ?? slackTs()), onlyFor: personOfDm(channel), ephemeral: false });
      } else if (call.method === "chat.postEphemeral") {
        const person = (Object.keys(users) as Person[]).find((p) => users[p].id === call.args.user) ?? null;
        messages.push({ blocks, text, channel: String(call.args.channel), ts: slackTs(), onlyFor: person, ephemeral: true });
      }
    }
  }

  /**
   * Sends one request as `person` and waits for the answer: in the acknowledgement, through the
   * response_url, as an ephemeral message or a direct message, or as a form opened with the trigger.
   */
  async function act(person: Person, channel: string, send: (responseUrl: string, triggerId: string) => Promise<SlackHttpResponse>, pressed?: Message): Promise<Shown> {
    const responseId = `contract-${++responses}`;
    const triggerId = newTriggerId();
    const from = webApi.calls.length;
    const res = await send(webApi.responseUrl(responseId), triggerId);
    if (res.status !== 200) throw new Error(`Slack got HTTP ${res.status} from the adapter: ${JSON.stringify(res.body)}`);
    const ack = (typeof res.body === "object" && res.body !== null ? res.body : {}) as SlackBody;
    const since = () => webApi.calls.slice(from);
    const directed = (c: RecordedCall) =>
      !c.rateLimited &&
      ((c.method === "chat.postEphemeral" && c.args.user === users[person].id) ||
        (c.method === "chat.postMessage" && personOfDm(String((c.response as { channel?: string }).channel ?? c.args.channel)) === person));
    const opened = () => since().find((c) => c.method === "views.open" && c.args.trigger_id === triggerId);
    if (!ack.blocks && !ack.text) {
      await until(() => webApi.responses(responseId).length > 0 || opened() || since().some(directed), `Slack's answer to ${person}`);
    }
    const bodies = [...(ack.blocks || ack.text ? [ack] : []), ...(webApi.responses(responseId) as SlackBody[])];
    readPosts();
    for (const body of bodies) {
      if (body.replace_original && pressed) pressed.replaced = true;
      messages.push({ blocks: body.blocks ?? [], text: body.text ?? "", channel, ts: slackTs(), onlyFor: body.response_type === "in_channel" ? null : person, ephemeral: body.response_type !== "in_channel" });
    }
    const parts: { blocks?: readonly unknown[]; text?: string }[] = [
      ...bodies,
      ...since().filter(directed).map((c) => ({ blocks: c.args.blocks as unknown[] | undefined, text: String(c.args.text ?? "") })),
    ];
    const form = opened();
    let reply: Shown;
    if (form) {
      const view = (form.response as { view: View }).view;
      forms.set(person, view);
      reply = { text: slackText(view.blocks), choices: [], form: { title: view.title?.text ?? "" } };
    } else {
      reply = {
        text: parts.map((p) => slackText(p.blocks, p.text)).join("\n"),
        choices: parts.flatMap((p) => slackControls(p.blocks).map((c) => c.label)),
      };
    }
    replies.set(person, reply);
    return reply;
  }

  await boot();

  return {
    platform: "slack",
    lacks: { forms: null, rateLimits: null },
    command(text, where = {}) {
      const person = where.as ?? "chair";
      const channel = channelOf(where.in ?? "yleinen");
      return act(person, channel, (responseUrl, triggerId) =>
        sendSlashCommand({ ...target, command: "/council", text, userId: users[person].id, userName: users[person].name, channelId: channel, responseUrl, triggerId }),
      );
    },
    lastReply(as = "chair") {
      const reply = replies.get(as);
      if (!reply) throw new Error(`${as} has not been answered yet`);
      return reply;
    },
    async press(label, who = {}) {
      const person = who.as ?? "chair";
      readPosts();
      const message = messages.findLast((m) => !m.replaced && (m.onlyFor === null || m.onlyFor === person) && slackControls(m.blocks).some((c) => c.label === label));
      const control = message && slackControls(message.blocks).find((c) => c.label === label);
      if (!message || !control) throw new Error(`${person} sees no button or option "${label}" on Slack`);
      return act(
        person,
        message.channel,
        (responseUrl, triggerId) => {
          const payload = blockActionPayload({
            actionId: control.actionId,
            ...(control.blockId ? { blockId: control.blockId } : {}),
            ...(control.kind === "button" ? { value: control.value, buttonText: control.label } : { selectedOption: { value: control.value, text: control.label } }),
            userId: users[person].id,
            userName: users[person].name,
            channelId: message.channel,
            messageTs: message.ts,
            message: { type: "message", user: DEFAULT_BOT_USER_ID, bot_id: DEFAULT_BOT_ID, ts: message.ts, text: message.text, blocks: message.blocks },
            responseUrl,
            triggerId,
          });
          payload.container = { ...(payload.container as object), is_ephemeral: message.ephemeral };
          return sendInteractive(target, payload);
        },
        message,
      );
    },
    async submitForm(text, who = {}) {
      const person = who.as ?? "chair";
      const view = forms.get(person);
      if (!view) throw new Error(`Slack opened no form for ${person}`);
      forms.delete(person);
      const input = view.blocks.find((b) => b.type === "input" && b.block_id && b.element?.action_id);
      if (!input?.block_id || !input.element?.action_id) throw new Error("the form has no text input");
      const values = { [input.block_id]: { [input.element.action_id]: plainTextValue(text) } };
      return act(person, "", (_responseUrl, triggerId) =>
        sendViewSubmission({ ...target, callbackId: view.callback_id, userId: users[person].id, userName: users[person].name, triggerId, view: { ...view, state: { values } } }),
      );
    },
    channelPosts(name, wait) {
      const channel = channelOf(name);
      const read = () => webApi.callsTo("chat.postMessage").filter((c) => c.args.channel === channel).map((c) => slackText(c.args.blocks as unknown[] | undefined, String(c.args.text ?? "")));
      return awaitPosts(read, name, wait);
    },
    async restart() {
      await bot.stop();
      await boot();
    },
    rateLimitNext(options = {}) {
      const before = webApi.callsTo("chat.postMessage", { includeRateLimited: true }).filter((c) => c.rateLimited).length;
      webApi.rateLimitNext("chat.postMessage", options.retryAfterSeconds ?? 1, 1);
      return { served: () => webApi.callsTo("chat.postMessage", { includeRateLimited: true }).filter((c) => c.rateLimited).length - before };
    },
    takeLoggedErrors() {
      return errors.take();
    },
    async close() {
      await bot.stop();
      db.remove();
      await webApi.close();
    },
  };
}
