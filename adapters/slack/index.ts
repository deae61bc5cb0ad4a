import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { App as BoltApp, webApi, type BlockAction, type MessageShortcut, type RespondFn, type ViewSubmitAction } from "@slack/bolt";
import type { App, PlatformAdapter } from "../../src/app.ts";
import type { CommandInput, CommandRequest } from "../../src/commands/dispatch.ts";
import { isRateLimited as isRateLimitedError } from "../../src/core/shared/chat-errors.ts";
import type { Logger } from "../../src/core/shared/logger.ts";
import type { Locale } from "../../src/i18n/locale.ts";
import { translate } from "../../src/i18n/translate.ts";
import { onlyYou, text } from "../../src/render/build.ts";
import type { Reply, Visibility } from "../../src/render/reply.ts";
import { postMessages, rateLimitAware, slackChat } from "./chat.ts";
import { uploadReplyFiles, withoutFiles } from "./files.ts";
import { SlackUsers, slackDirectory } from "./directory.ts";
import { homeView } from "./home.ts";
import { boltLogger } from "./log.ts";
import { checkSlackCredentials } from "./verify.ts";
import { channelId, personId, workspaceId } from "./ids.ts";
import { longTextAction, longTextBlock, longTextCallback, longTextModal, readMetadata, newsletterShortcut } from "./modals.ts";
import { call } from "../../src/commands/call.ts";
import { filledIn, formNeeded } from "../../src/commands/long-text.ts";
import { newsFromMessage } from "../../src/commands/news/from-message.ts";
import type { Controls } from "../../src/render/controls.ts";
import { commandText } from "./parse.ts";
import { actionPrefix, renderMessages, type SlackMessage } from "./render.ts";
import { say } from "./say.ts";
import { loggedError } from "../../src/core/shared/logged-error.ts";

export interface SlackAdapterConfig {
  readonly botToken: string;
  /** HTTP mode: verifies every request. Required unless `appToken` is set. */
  readonly signingSecret?: string;
  /** Socket Mode when set (xapp-…): no public URL needed. */
  readonly appToken?: string;
  /** Another Web API base URL (tests, proxies), ending in `/api/`. */
  readonly apiUrl?: string;
  /** HTTP mode: the port of `/slack/events` (commands, events and interactivity). */
  readonly port: number;
  /** HTTP mode: the interface to listen on; all interfaces when not set. */
  readonly host?: string;
  readonly logger: Logger;
  /** The language of channel posts and of anything said before the person is known. */
  readonly defaultLocale: Locale;
  /** The council's time zone (IANA), for times shown on the App Home tab; default Europe/Helsinki. */
  readonly timeZone?: string;
  /** How long a slash command waits for its reply to answer in the acknowledgement itself. */
  readonly ackWithinMs?: number;
  /** The web client's retry policy (429 waits, network errors); tests shorten it. */
  readonly retryConfig?: webApi.RetryOptions;
}

export interface SlackAdapter extends PlatformAdapter {
  /** After start() in HTTP mode: where Slack sends requests, e.g. http://127.0.0.1:3000/slack/events. */
  readonly eventsUrl: string | undefined;
}

// Slack's rule is 3 s; answering in the ack under 2 s leaves room for the network.
const defaultAckWithinMs = 2000;
// A response_url takes at most 5 messages; more go through the Web API.
const responseUrlUses = 5;

interface Delivery {
  readonly client: webApi.WebClient;
  readonly respond?: RespondFn | undefined;
  /** Slack channel id (not encoded) and user id, for what the response_url cannot carry. */
  readonly channel: string | null;
  readonly user: string;
  readonly visibility: Visibility;
  /** Replace the message whose button was pressed with the first message. */
  readonly replaceFirst?: boolean;
  /** Messages already sent through the response_url (the ack does not count). */
  readonly used?: number;
}

/** A pause that can be called off: a command that answered in time leaves no timer behind. */
const delay = (ms: number) => {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms).unref();
  });
  return { promise, cancel: () => clearTimeout(timer) };
};

/**
 * Council on Slack: `/council …` slash commands, buttons and selects that run their command as
 * the presser, a form for long texts, and the App Home tab. Socket Mode with an app token, else
 * HTTP on `port` at `/slack/events`.
 */
export function createSlackAdapter(config: SlackAdapterConfig): SlackAdapter {
  if (!config.appToken && !config.signingSecret) throw new Error("Slack HTTP mode needs a signing secret (or an app token for Socket Mode)");
  const logger = config.logger;
  const clientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    // Socket Mode would otherwise retry a call a hundred times; both modes give up after five minutes.
    retryConfig: config.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes,
  };
  // Deferred: otherwise Bolt calls auth.test from its constructor, and a rejected token becomes an
  // unhandled rejection (a stack trace) before verify() could say what is wrong.
  const deferInitialization = true;
  const bolt = config.appToken
    ? new BoltApp({ token: config.botToken, appToken: config.appToken, socketMode: true, logger: boltLogger(logger), clientOptions, deferInitialization })
    : new BoltApp({ token: config.botToken, signingSecret: config.signingSecret ?? "", logger: boltLogger(logger), clientOptions, deferInitialization });

  let controls: Controls | null = null;
  const requireControls = (): Controls => {
    if (!controls) throw new Error("Slack adapter: attach(app) before posting");
    return controls;
  };
  const users = new SlackUsers(bolt.client);
  let team: Promise<string | undefined> | undefined;
  const ownTeam = () =>
    (team ??= bolt.client.auth.test().then(
      (auth) => auth.team_id,
      () => {
        team = undefined;
        return undefined;
      },
    ));
  const chat = slackChat({ client: () => bolt.client, controls: requireControls, locale: config.defaultLocale, team: ownTeam, logger });
  let server: Server | undefined;

  function attach(app: App): void {
    const { dispatcher } = app;
    controls = app.controls;
    const rendered = async (reply: Reply, locale: Locale): Promise<SlackMessage[]> => {
      const messages = renderMessages(withoutFiles(reply), locale, app.controls);
      await app.controls.flush();
      return messages;
    };

    async function requestOf(teamId: string, user: string, channel: string | null, name?: string): Promise<CommandRequest> {
      const sender = await users.sender(teamId, user, name);
      return {
        identity: sender.identity,
        isWorkspaceAdmin: sender.isWorkspaceAdmin,
        workspaceId: workspaceId(teamId),
        channelId: channel ? channelId(teamId, channel) : null,
        directory: slackDirectory(users, teamId),
      };
    }

    const localeOf = (request: CommandRequest): Promise<Locale> =>
      dispatcher.localeOf(request).catch(() => config.defaultLocale);

    /** Runs a command as the person; never throws (a failure becomes the usual "unexpected" reply). */
    async function run(teamId: string, user: string, channel: string | null, input: CommandInput, name?: string) {
      try {
        const request = await requestOf(teamId, user, channel, name);
        const reply = await dispatcher.run(request, input);
        return { reply, locale: await localeOf(request) };
      } catch (error) {
        const reference = randomBytes(4).toString("hex");
        // Who asked is left out: the line may be a ballot, and the reference is enough to find this.
        logger.error({ err: loggedError(error), reference }, "slack command failed");
        const locale = config.defaultLocale;
        return { reply: onlyYou(text(translate(locale, "error.unexpected", { reference }))), locale };
      }
    }

    async function deliver(to: Delivery, messages: readonly SlackMessage[]): Promise<void> {
      let used = to.used ?? 0;
      if (to.visibility === "direct") {
        const opened = await rateLimitAware(() => to.client.conversations.open({ users: to.user }));
        if (opened.channel?.id) await postMessages(to.client, opened.channel.id, messages);
        return;
      }
      const responseType = to.visibility === "channel" ? "in_channel" : "ephemeral";
      for (const [i, m] of messages.entries()) {
        if (to.respond && used < responseUrlUses) {
          used += 1;
          await to.respond({
            response_type: responseType,
            ...(to.replaceFirst !== undefined ? { replace_original: i === 0 && to.replaceFirst } : {}),
            text: m.text,
            blocks: m.blocks,
          });
        } else if (to.channel && to.visibility === "channel") {
          await postMessages(to.client, to.channel, [m]);
        } else if (to.channel) {
          try {
            await rateLimitAware(() => to.client.chat.postEphemeral({ channel: to.channel ?? "", user: to.user, text: m.text, blocks: m.blocks }));
          } catch (error) {
            // The bot cannot write where the command was typed (a private channel or a DM it is not
            // in): the answer comes as a direct message from the bot instead.
            if (isRateLimitedError(error)) throw error;
            logger.warn({ err: loggedError(error), channel: to.channel }, "slack ephemeral reply failed; sending it as a direct message");
            await deliver({ ...to, visibility: "direct" }, [m]);
          }
        } else {
          await deliver({ ...to, visibility: "direct" }, [m]);
        }
      }
    }

    bolt.command("/council", async ({ command, ack, respond, client }) => {
      const teamId = command.team_id;
      const line = commandText(teamId, command.text ?? "");

      const form = formNeeded({ line });
      if (form) {
        await ack();
        const request = await requestOf(teamId, command.user_id, command.channel_id, command.user_name);
        const locale = await localeOf(request);
        try {
          await client.views.open({
            trigger_id: command.trigger_id,
            view: longTextModal(locale, { form, channel: command.channel_id, user: command.user_id }),
          });
        } catch (error) {
          logger.warn({ err: loggedError(error) }, "slack modal could not be opened");
          await respond({ response_type: "ephemeral", text: say(locale, "slack.modal.failed", { command: `/council ${line}` }) });
        }
        return;
      }

      const work = run(teamId, command.user_id, command.channel_id, { line }, command.user_name);
      const timer = delay(config.ackWithinMs ?? defaultAckWithinMs);
      const early = await Promise.race([work, timer.promise]);
      timer.cancel();
      const to = { client, respond, channel: command.channel_id, user: command.user_id };
      if (early && early.reply.visibility !== "direct") {
        const [first, ...rest] = await rendered(early.reply, early.locale);
        await ack(first ? { response_type: early.reply.visibility === "channel" ? "in_channel" : "ephemeral", text: first.text, blocks: first.blocks } : undefined);
        await deliver({ ...to, visibility: early.reply.visibility }, rest);
        await uploadReplyFiles(client, early.reply, command.channel_id, command.user_id);
        return;
      }
      // Too slow for the acknowledgement (or a direct message): acknowledge now, answer when ready.
      await ack();
      const { reply, locale } = await work;
      await deliver({ ...to, visibility: reply.visibility }, await rendered(reply, locale));
      await uploadReplyFiles(client, reply, command.channel_id, command.user_id);
    });

    bolt.action<BlockAction>(new RegExp(`^${actionPrefix}`), async ({ ack, body, action, respond, client }) => {
      const value =
        action.type === "button" ? action.value : action.type === "static_select" ? action.selected_option?.value : undefined;
      const pressed = value === undefined ? null : await app.controls.read(value);
      // A press that still lacks a long text opens the form; a trigger_id lives 3 s, so before the ack's answer.
      const form = pressed ? formNeeded(pressed.call) : null;
      if (form) {
        await ack();
        const teamId = body.team?.id ?? body.user.team_id ?? "";
        const locale = await localeOf(await requestOf(teamId, body.user.id, body.channel?.id ?? null, body.user.name));
        await client.views.open({ trigger_id: body.trigger_id, view: longTextModal(locale, { form, channel: body.channel?.id ?? null, user: body.user.id }) });
        return;
      }
      await ack();
      if (value === undefined) return;
      const teamId = body.team?.id ?? body.user.team_id ?? "";
      const user = body.user.id;
      const channel = body.channel?.id ?? (body.container as { channel_id?: string } | undefined)?.channel_id ?? null;
      let result: { reply: Reply; locale: Locale };
      if (pressed === null) {
        const locale = await localeOf(await requestOf(teamId, user, channel, body.user.name));
        result = { reply: onlyYou(text(say(locale, "slack.button.expired"))), locale };
      } else {
        result = await run(teamId, user, channel, pressed.call, body.user.name);
      }
      // An answer only for the presser replaces the question they answered, when that question
      // was theirs alone (an ephemeral message). A public message (a ballot, an announcement)
      // stays for everyone; the presser's answer comes below it.
      const ephemeralSource = (body.container as { is_ephemeral?: boolean } | undefined)?.is_ephemeral === true;
      await deliver(
        {
          client,
          respond: body.response_url ? respond : undefined,
          channel,
          user,
          visibility: result.reply.visibility,
          replaceFirst: result.reply.visibility === "only-you" && ephemeralSource,
        },
        await rendered(result.reply, result.locale),
      );
      await uploadReplyFiles(client, result.reply, channel, user);
    });

    // "Add to newsletter" on a message: the message becomes a news item for the next digest.
    bolt.shortcut<MessageShortcut>(newsletterShortcut, async ({ ack, shortcut, respond, client }) => {
      await ack();
      const teamId = shortcut.team?.id ?? shortcut.user.team_id ?? "";
      const user = shortcut.user.id;
      const channel = shortcut.channel.id;
      const result = await run(teamId, user, channel, call(newsFromMessage, { message: shortcut.message.text ?? "" }), shortcut.user.name);
      await deliver({ client, respond, channel, user, visibility: "only-you", replaceFirst: false }, await rendered(result.reply, result.locale));
      await uploadReplyFiles(client, result.reply, channel, user);
    });

    bolt.view<ViewSubmitAction>(longTextCallback, async ({ ack, view, body, client }) => {
      await ack();
      const metadata = readMetadata(view.private_metadata);
      if (!metadata) return;
      const typed = view.state.values[longTextBlock]?.[longTextAction]?.value ?? "";
      const teamId = body.team?.id ?? body.user.team_id ?? "";
      const user = body.user.id;
      const { reply, locale } = await run(teamId, user, metadata.channel, filledIn(metadata.form, typed), body.user.name);
      await deliver({ client, channel: metadata.channel, user, visibility: reply.visibility }, await rendered(reply, locale));
      await uploadReplyFiles(client, reply, metadata.channel, user);
    });

    bolt.event("app_home_opened", async ({ event, body, client }) => {
      if (event.tab !== "home") return;
      const teamId = body.team_id;
      const sender = await users.sender(teamId, event.user);
      await client.views.publish({
        user_id: event.user,
        view: await homeView(app, teamId, sender, { defaultLocale: config.defaultLocale, timeZone: config.timeZone ?? "Europe/Helsinki", logger }),
      });
    });

    bolt.error(async (error) => {
      logger.error({ err: loggedError(error) }, "slack listener failed");
    });
  }

  return {
    chat,
    attach,
    get eventsUrl() {
      const address = server?.address() as AddressInfo | null | undefined;
      if (!address) return undefined;
      const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
      return `http://${host}:${address.port}/slack/events`;
    },
    async verify() {
      const { check, team: verified } = await checkSlackCredentials({ botToken: config.botToken, appToken: config.appToken, apiUrl: config.apiUrl, logger });
      if (verified) team = Promise.resolve(verified);
      return check;
    },
    async start() {
      await bolt.init();
      if (config.appToken) {
        await bolt.start();
        logger.info({ mode: "socket" }, "slack adapter connected");
        return;
      }
      server = (await bolt.start(config.host ? { port: config.port, host: config.host } : config.port)) as Server;
      logger.info({ mode: "http", port: (server.address() as AddressInfo | null)?.port }, "slack adapter listening on /slack/events");
    },
    async stop() {
      await bolt.stop();
      server = undefined;
    },
  };
}
