import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDiscordAdapter } from "../../../adapters/discord/index.ts";
import { tempDatabase } from "../../support/temp-database.ts";
import { ChannelTypes, FIXTURE_IDS, MessageFlagBits, startFakeDiscord, type Json, type SentInteraction } from "../../protocol/harness/discord/index.ts";
import { discordControls, discordForm, discordText, type DiscordForm } from "../../protocol/discord/seen.ts";
import { typedChatInput } from "../../protocol/discord/typed-command.ts";
import { awaitPosts, until, type ContractDriver, type Person, type Shown } from "../driver.ts";
import { errorLog, startBot, type Bot } from "./bot.ts";

const people: Record<Person, string> = { chair: FIXTURE_IDS.chairUser, member: FIXTURE_IDS.memberUser };
const guildId = FIXTURE_IDS.guild;
const channelsPath = "/channels/:id/messages";

/** A form the bot showed a person, and where: submitting it needs the same channel (and message). */
interface OpenForm {
  readonly form: DiscordForm;
  readonly channelId: string;
  readonly message?: Json;
}

const isEphemeral = (message: Json): boolean => (Number(message.flags ?? 0) & MessageFlagBits.Ephemeral) !== 0;

/**
 * The real Discord adapter logged in to one fake Discord for the driver's life: commands are chat
 * input interactions filled from what the bot registered, presses are component interactions on the
 * messages the fake holds, and answers are the interaction callbacks and webhook calls it received.
 */
export async function startDiscordDriver(): Promise<ContractDriver> {
  const fake = await startFakeDiscord();
  const db = tempDatabase();
  const state = mkdtempSync(join(tmpdir(), "council-contract-discord-"));
  const errors = errorLog();
  let bot: Bot;
  const replies = new Map<Person, Shown>();
  const forms = new Map<Person, OpenForm>();
  const channels = new Map<string, string>([["yleinen", FIXTURE_IDS.generalChannel]]);

  async function boot(): Promise<void> {
    const adapter = createDiscordAdapter({
      token: "fake-bot-token",
      applicationId: FIXTURE_IDS.application,
      guildId,
      apiUrl: fake.apiUrl,
      logger: errors.logger,
      defaultLocale: "fi",
      stateFile: join(state, "discord-commands.json"),
    });
    bot = await startBot(db.url, errors.logger, adapter);
  }

  /** The guild text channel called `name`, created (and announced over the gateway) the first time. */
  function channelOf(name: string): string {
    const known = channels.get(name);
    if (known) return known;
    const channel = fake.world.addChannel(guildId, { name, type: ChannelTypes.GuildText });
    fake.dispatch("CHANNEL_CREATE", channel);
    channels.set(name, String(channel.id));
    return String(channel.id);
  }

  /** Whether `person` sees `message`: the bot's, and public, or ephemeral for them, or in their DM. */
  function sees(person: Person, message: Json): boolean {
    if ((message.author as Json | undefined)?.id !== fake.world.bot.id) return false;
    const channel = fake.world.channels.get(String(message.channel_id));
    if (channel?.type === ChannelTypes.DM) return ((channel.recipients as Json[] | undefined) ?? []).some((r) => r.id === people[person]);
    if (!isEphemeral(message)) return true;
    return ((message.interaction_metadata as Json | undefined)?.user as Json | undefined)?.id === people[person];
  }

  /** Waits for the bot's answer to an interaction: the callback, or the edit and follow-ups a deferral leads to. */
  async function answer(person: Person, sent: SentInteraction, message?: Json): Promise<Shown> {
    const callback = await fake.waitForCallback(sent);
    const channelId = String(sent.payload.channel_id);
    let reply: Shown;
    if (callback.type === 9) {
      const form = discordForm(callback.data);
      forms.set(person, { form, channelId, ...(message ? { message } : {}) });
      reply = { text: [form.title, ...form.inputs.map((i) => i.label)].filter(Boolean).join("\n"), choices: [], form: { title: form.title } };
    } else {
      const edits = () => fake.callsTo("PATCH", `/webhooks/:app/${sent.token}/messages/@original`).map((c) => c.body);
      const followUps = () => fake.callsTo("POST", `/webhooks/:app/${sent.token}`).map((c) => c.body);
      const deferred = callback.type === 5 || callback.type === 6;
      if (deferred) await until(() => edits().length + followUps().length > 0, `the answer to a deferred interaction (${sent.id})`);
      const bodies = [...(deferred ? edits() : [callback.data]), ...followUps()];
      reply = { text: bodies.map(discordText).filter(Boolean).join("\n"), choices: bodies.flatMap((b) => discordControls(b).map((c) => c.label)) };
    }
    replies.set(person, reply);
    return reply;
  }

  await boot();

  return {
    platform: "discord",
    lacks: { forms: null, rateLimits: null },
    command(text, where = {}) {
      const person = where.as ?? "chair";
      const spec = typedChatInput(fake.world.commandsIn({ guildId }), text, {
        user: (word) => (word === "@chair" || word === "@member" ? people[word.slice(1) as Person] : undefined),
        channel: (word) => (word.startsWith("#") ? channelOf(word.slice(1)) : undefined),
      });
      return answer(person, fake.sendChatInput({ ...spec, userId: people[person], channelId: channelOf(where.in ?? "yleinen") }));
    },
    lastReply(as = "chair") {
      const reply = replies.get(as);
      if (!reply) throw new Error(`${as} has not been answered yet`);
      return reply;
    },
    press(label, who = {}) {
      const person = who.as ?? "chair";
      const message = [...fake.world.messages.values()].reverse().find((m) => sees(person, m) && discordControls(m).some((c) => c.label === label));
      const control = message && discordControls(message).find((c) => c.label === label);
      if (!message || !control) throw new Error(`${person} sees no button or option "${label}" on Discord`);
      const where = { userId: people[person], channelId: String(message.channel_id), guildId: message.guild_id === undefined ? null : String(message.guild_id) };
      const sent =
        control.kind === "button"
          ? fake.sendButton({ ...where, customId: control.customId, message })
          : fake.sendStringSelect({ ...where, customId: control.customId, values: [control.value ?? ""], message });
      return answer(person, sent, message);
    },
    submitForm(text, who = {}) {
      const person = who.as ?? "chair";
      const open = forms.get(person);
      const input = open?.form.inputs[0];
      if (!open || !input) throw new Error(`Discord showed ${person} no form with a text input`);
      forms.delete(person);
      const sent = fake.sendModalSubmit({
        userId: people[person],
        channelId: open.channelId,
        customId: open.form.customId,
        fields: { [input.customId]: text },
        ...(open.message ? { message: open.message } : {}),
      });
      return answer(person, sent);
    },
    channelPosts(name, wait) {
      const channelId = channelOf(name);
      const read = () =>
        fake
          .messagesIn(channelId)
          .filter((m) => (m.author as Json | undefined)?.id === fake.world.bot.id && !m.interaction_metadata && !isEphemeral(m))
          .map(discordText);
      return awaitPosts(read, name, wait);
    },
    async restart() {
      await bot.stop();
      await boot();
    },
    rateLimitNext(options = {}) {
      const limited = () => fake.callsTo("POST", channelsPath, { includeRateLimited: true }).filter((c) => c.rateLimited).length;
      const before = limited();
      fake.rateLimitNext("POST", channelsPath, options.retryAfterSeconds ?? 1);
      return { served: () => limited() - before };
    },
    takeLoggedErrors() {
      return errors.take();
    },
    async close() {
      await bot.stop();
      await fake.close();
      db.remove();
      rmSync(state, { recursive: true, force: true });
    },
  };
}
