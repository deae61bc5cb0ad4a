import { once } from "node:events";
import {
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type MessageContextMenuCommandInteraction,
  type Interaction,
  type MessageComponentInteraction,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from "discord.js";
import type { App, PlatformAdapter } from "../../src/app.ts";
import type { CommandRequest } from "../../src/commands/dispatch.ts";
import { commands } from "../../src/commands/registry.ts";
import type { Logger } from "../../src/core/shared/logger.ts";
import type { Locale } from "../../src/i18n/locale.ts";
import { onlyYou, text } from "../../src/render/build.ts";
import type { Reply } from "../../src/render/reply.ts";
import { discordChat } from "./chat.ts";
import { checkDiscordToken } from "./verify.ts";
import { buildRegistration, commandText, newsletterCommandName, routeKeyOf, type Registration } from "./commands.ts";
import { defaultStateFile, registerCommands, registerIfChanged } from "./register.ts";
import { discordDirectory } from "./directory.ts";
import { channelId, personId, workspaceId } from "./ids.ts";
import { longTextModal, submittedText } from "./modals.ts";
import { call } from "../../src/commands/call.ts";
import { filledIn, formNeeded } from "../../src/commands/long-text.ts";
import { newsFromMessage } from "../../src/commands/news/from-message.ts";
import type { Controls } from "../../src/render/controls.ts";
import type { CommandCall } from "../../src/render/reply.ts";
import { parseChatInput, type KnownUser } from "./parse.ts";
import { renderMessages, toAttachments, type DiscordMessage } from "./render.ts";
import { say } from "./say.ts";
import { loggedError } from "../../src/core/shared/logged-error.ts";

export interface DiscordAdapterConfig {
  readonly token: string;
  readonly applicationId: string;
  /** Register the command in this guild (instant) instead of globally; also the guild of DMs. */
  readonly guildId?: string;
  /** Another REST base URL (tests, proxies), e.g. http://127.0.0.1:PORT/api. */
  readonly apiUrl?: string;
  readonly logger: Logger;
  /** The language of channel posts and of anything said before the person is known. */
  readonly defaultLocale: Locale;
  /** How long an interaction waits for its answer before deferring (Discord's rule is 3 s). */
  readonly ackWithinMs?: number;
  /** "if-changed" (default): register on start only when the definitions' hash changed. */
  readonly registerCommands?: "if-changed" | "always" | "never";
  /** Where the registered hash is remembered. Default ./data/discord-commands.json. */
  readonly stateFile?: string;
}

export interface DiscordAdapter extends PlatformAdapter {
  readonly client: Client;
  readonly registration: Registration;
}

const defaultAckWithinMs = 2000;
const ephemeral = MessageFlags.Ephemeral;

type Repliable = ChatInputCommandInteraction | MessageContextMenuCommandInteraction | MessageComponentInteraction | ModalSubmitInteraction;
type Mode = "reply" | "update";

const sendOptions = (m: DiscordMessage) => ({ content: m.content ?? "", embeds: m.embeds, components: m.components, files: toAttachments(m.files) });
const delay = (ms: number) => {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
};

/**
 * Discord over the gateway (discord.js; intents: Guilds only, nothing privileged) with `/council`
 * (and a root for each area that does not fit in it) built from the command definitions. Reconnecting and resuming, heartbeats and
 * 429 waits are discord.js's job.
 */
export function createDiscordAdapter(config: DiscordAdapterConfig): DiscordAdapter {
  const { logger } = config;
  const registration = buildRegistration(commands);
  const client = new Client({ intents: [GatewayIntentBits.Guilds], ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}) });
  const controls = (): Controls => requireApp().controls;
  // Help and examples name `/council election vote`; on Discord a moved area is `/election vote`.
  const typed = commandText(registration.ownRoots);
  const chat = discordChat(() => client, { defaultLocale: config.defaultLocale, ...(config.guildId ? { guildId: config.guildId } : {}), controls, commandText: typed });
  let app: App | null = null;

  client.on(Events.Error, (error) => logger.error({ err: loggedError(error), source: "discord" }, "discord client error"));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ source: "discord", shard, replayed }, "discord session resumed"));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ source: "discord", shard, code: event.code }, "discord gateway disconnected"));

  const guildOf = (interaction: Interaction): string | null =>
    interaction.guildId ?? config.guildId ?? (client.guilds.cache.size === 1 ? (client.guilds.cache.first()?.id ?? null) : null);

  function requestOf(interaction: Interaction, guild: string, users: readonly KnownUser[] = []): CommandRequest {
    const member = interaction.member;
    const displayName =
      member && "displayName" in member ? member.displayName : (member?.nick ?? interaction.user.globalName ?? interaction.user.username);
    return {
      identity: { externalId: personId(guild, interaction.user.id), displayName },
      // Workspace admins are those who may manage the server (Administrator implies it).
      isWorkspaceAdmin: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild, true) ?? false,
      workspaceId: workspaceId(guild),
      channelId: interaction.guildId && interaction.channelId ? channelId(guild, interaction.channelId) : null,
      directory: discordDirectory(client, guild, users),
    };
  }

  const requireApp = (): App => {
    if (!app) throw new Error("Discord adapter: attach(app) before start()");
    return app;
  };

  /**
   * Runs the command and answers within Discord's 3 s: directly when the core answered within
   * `ackWithinMs`, else deferred first (ephemeral: the answer may be private) and edited when ready.
   * A channel answer to a deferred command comes as a public follow-up under a private "posted" note.
   * `update` (a press on a private question) replaces the question with a private answer.
   */
  async function answer(interaction: Repliable, request: CommandRequest, run: () => Promise<Reply>, mode: Mode): Promise<void> {
    const { dispatcher } = requireApp();
    const work = run();
    const timer = delay(config.ackWithinMs ?? defaultAckWithinMs);
    const early = await Promise.race([work, timer.promise]);
    timer.cancel();
    const deferred = early === null;
    if (deferred) {
      if (mode === "update" && interaction.isMessageComponent()) await interaction.deferUpdate();
      else await interaction.deferReply({ flags: ephemeral });
    }
    const reply = early ?? (await work);
    // The reply may be the reference of a failure that also keeps the person's language from being read.
    const locale = await dispatcher.localeOf(request).catch(() => config.defaultLocale);
    const messages = renderMessages(reply, controls(), locale, typed);
    await controls().flush();
    const note = (key: "discord.posted" | "discord.sent-direct") => ({ content: say(locale, key), embeds: [], components: [] });

    if (reply.visibility === "direct") {
      await chat.directMessage(request.identity.externalId, reply);
      if (deferred && mode === "reply") await interaction.editReply(note("discord.sent-direct"));
      else if (!deferred) await interaction.reply({ ...note("discord.sent-direct"), flags: ephemeral });
      return;
    }
    const [first, ...rest] = messages;
    if (!first) return;
    const privately = reply.visibility === "only-you";
    const flags = privately ? ephemeral : undefined;
    if (!deferred) {
      if (mode === "update" && privately && interaction.isMessageComponent()) await interaction.update(sendOptions(first));
      else await interaction.reply({ ...sendOptions(first), ...(flags ? { flags } : {}) });
    } else if (privately) {
      await interaction.editReply(sendOptions(first));
    } else {
      // The deferred answer is private; the channel gets its own messages.
      if (mode === "reply") await interaction.editReply(note("discord.posted"));
      await interaction.followUp(sendOptions(first));
    }
    for (const m of rest) await interaction.followUp({ ...sendOptions(m), ...(flags ? { flags } : {}) });
  }

  async function noGuild(interaction: Interaction): Promise<void> {
    if (interaction.isRepliable()) await interaction.reply({ content: say(config.defaultLocale, "discord.no-guild"), flags: ephemeral });
  }

  async function onChatInput(interaction: ChatInputCommandInteraction, guild: string): Promise<void> {
    const { dispatcher } = requireApp();
    const parsed = parseChatInput(interaction, registration, guild);
    const request = requestOf(interaction, guild, parsed?.users ?? []);
    if (!parsed) {
      const locale = await dispatcher.localeOf(request);
      await interaction.reply({ content: say(locale, "discord.button.expired"), flags: ephemeral });
      return;
    }
    const { confirm, ...args } = parsed.raw;
    const asked: CommandCall = { command: parsed.route.path.join(" "), args: args as CommandCall["args"], ...(confirm === true ? { confirmed: true } : {}) };
    await runOrAsk(interaction, request, asked);
  }

  /** Runs a call, or first asks for the long text it still lacks in a form. */
  async function runOrAsk(interaction: ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction, request: CommandRequest, asked: CommandCall): Promise<void> {
    const { dispatcher } = requireApp();
    const form = formNeeded(asked);
    if (form) {
      const locale = await dispatcher.localeOf(request);
      await interaction.showModal(longTextModal(locale, form, controls(), typed));
      return;
    }
    // A press on a private question (an ephemeral message) replaces it; on a public message (a
    // ballot, an announcement) the presser's answer comes as a new private reply.
    const fromPrivate = interaction.isMessageComponent() && interaction.message.flags.has(MessageFlags.Ephemeral);
    await answer(interaction, request, () => dispatcher.run(request, asked), fromPrivate ? "update" : "reply");
  }

  async function expired(interaction: ButtonInteraction | StringSelectMenuInteraction | ModalSubmitInteraction, request: CommandRequest): Promise<void> {
    const locale = await requireApp().dispatcher.localeOf(request);
    await interaction.reply({ content: say(locale, "discord.button.expired"), flags: ephemeral });
  }

  async function onAutocomplete(interaction: AutocompleteInteraction, guild: string): Promise<void> {
    const { services } = requireApp();
    const focused = interaction.options.getFocused(true);
    const key = routeKeyOf(interaction.commandName, interaction.options.getSubcommandGroup(false), interaction.options.getSubcommand(false));
    const route = key === null ? undefined : registration.routes.get(key);
    const option = route?.options.find((o) => o.option === focused.name);
    const typed = String(focused.value ?? "").toLocaleLowerCase("fi");
    let names: string[] = [];
    if (option?.kind === "group") {
      const request = requestOf(interaction, guild);
      const person = await services.people.ensure(request.identity);
      const inv = { actor: { person, isWorkspaceAdmin: request.isWorkspaceAdmin }, workspaceId: request.workspaceId, channelId: request.channelId, locale: config.defaultLocale };
      names = await services.groups.namesMatching(inv, typed, 25);
    } else if (option?.kind === "enum" && option.values) {
      names = [...option.values];
    }
    const matches = names.filter((n) => n.toLocaleLowerCase("fi").includes(typed));
    // Those starting with what was typed first; at most 25, names and values at most 100 characters.
    matches.sort((a, b) => Number(!a.toLocaleLowerCase("fi").startsWith(typed)) - Number(!b.toLocaleLowerCase("fi").startsWith(typed)));
    await interaction.respond(matches.filter((n) => n.length <= 100).slice(0, 25).map((n) => ({ name: n, value: n })));
  }

  async function onComponent(interaction: ButtonInteraction | StringSelectMenuInteraction, guild: string): Promise<void> {
    const request = requestOf(interaction, guild);
    const id = interaction.isStringSelectMenu() ? (interaction.values[0] ?? "") : interaction.customId;
    const pressed = await controls().read(id);
    if (pressed === null) return expired(interaction, request);
    await runOrAsk(interaction, request, pressed.call);
  }

  async function onModalSubmit(interaction: ModalSubmitInteraction, guild: string): Promise<void> {
    const { dispatcher } = requireApp();
    const request = requestOf(interaction, guild);
    const submitted = await controls().read(interaction.customId);
    const typed = submittedText(interaction);
    if (submitted?.fill === undefined || typed === null) return expired(interaction, request);
    const filled = filledIn({ call: submitted.call, arg: submitted.fill }, typed);
    await answer(interaction, request, () => dispatcher.run(request, filled), "reply");
  }

  async function onInteraction(interaction: Interaction): Promise<void> {
    const guild = guildOf(interaction);
    if (!guild) return noGuild(interaction);
    if (interaction.isChatInputCommand()) return onChatInput(interaction, guild);
    if (interaction.isMessageContextMenuCommand() && interaction.commandName === newsletterCommandName) {
      // "Add to newsletter" on a message: its text becomes a news item for the next digest.
      const request = requestOf(interaction, guild);
      const { dispatcher } = requireApp();
      const asked = call(newsFromMessage, { message: interaction.targetMessage.content });
      return answer(interaction, request, () => dispatcher.run(request, asked), "reply");
    }
    if (interaction.isAutocomplete()) return onAutocomplete(interaction, guild);
    if (interaction.isButton() || interaction.isStringSelectMenu()) return onComponent(interaction, guild);
    if (interaction.isModalSubmit()) return onModalSubmit(interaction, guild);
  }

  return {
    chat,
    client,
    registration,
    attach(attached) {
      app = attached;
      client.on(Events.InteractionCreate, (interaction) => {
        onInteraction(interaction).catch((error: unknown) => {
          logger.error({ err: loggedError(error), source: "discord", interaction: interaction.id, type: interaction.type }, "discord interaction failed");
        });
      });
    },
    verify() {
      return checkDiscordToken(config.token, config.apiUrl);
    },
    async start() {
      requireApp();
      const ready = once(client, Events.ClientReady);
      await client.login(config.token);
      await ready;
      const mode = config.registerCommands ?? "if-changed";
      if (mode === "always") await registerCommands(client.rest, config.applicationId, config.guildId, registration);
      if (mode === "if-changed") {
        const changed = await registerIfChanged(client.rest, config.applicationId, config.guildId, registration, config.stateFile ?? defaultStateFile);
        if (changed) logger.info({ source: "discord", guild: config.guildId ?? "global" }, "discord commands registered");
      }
      logger.info({ source: "discord", user: client.user?.tag, guilds: client.guilds.cache.size }, "discord ready");
    },
    async stop() {
      await client.destroy();
    },
  };
}

