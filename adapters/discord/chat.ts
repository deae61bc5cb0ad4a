import { ChannelType, OverwriteType, PermissionFlagsBits, type Client, type Guild, type OverwriteResolvable } from "discord.js";
import { createHash } from "node:crypto";
import type { ChatPort, PostOptions } from "../../src/core/shared/chat.ts";
import type { Locale } from "../../src/i18n/locale.ts";
import type { Reply } from "../../src/render/reply.ts";
import { channelId, decodePerson, requireRef } from "./ids.ts";
import type { Controls } from "../../src/render/controls.ts";
import { renderMessages, toAttachments, type DiscordMessage } from "./render.ts";
import { say } from "./say.ts";
import { discordEvents } from "./events.ts";

/** Where sendable messages go: a channel or a DM channel. */
interface Sendable {
  send(options: {
    content?: string;
    embeds: DiscordMessage["embeds"];
    components: DiscordMessage["components"];
    files: ReturnType<typeof toAttachments>;
    nonce?: string;
    enforceNonce?: boolean;
  }): Promise<unknown>;
}

// Discord accepts a nonce of at most 25 characters.
const nonceLength = 25;

/**
 * The nonce of one part of a keyed post: the same key and part always give the same nonce, so
 * Discord (with enforce_nonce) hands back the message it already has instead of posting it again.
 */
export function nonceFor(key: string, part: number): string {
  return createHash("sha256").update(`${key}:${part}`).digest("base64url").slice(0, nonceLength);
}

export async function sendAll(target: Sendable, messages: readonly DiscordMessage[], options: PostOptions = {}): Promise<void> {
  // In order, one after another: "(1/2)" must arrive before "(2/2)".
  for (const [part, m] of messages.entries()) {
    await target.send({
      ...(m.content ? { content: m.content } : {}),
      embeds: m.embeds,
      components: m.components,
      files: toAttachments(m.files),
      ...(options.key !== undefined ? { nonce: nonceFor(options.key, part), enforceNonce: true } : {}),
    });
  }
}

const slug = (name: string): string =>
  name
    .toLocaleLowerCase("fi")
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100) || "ryhma";

/**
 * The core's chat port on Discord. A keyed post (PostOptions.key) sends each part with its own
 * enforced nonce, so a post sent again after a crash shows once (Discord remembers a nonce for a
 * few minutes; a resend later than that can still double). Rate limits are discord.js's REST queue's job: a 429 is waited
 * out (Retry-After / retry_after) and the same request sent again, so a post resolves once Discord
 * accepted it and ChatRateLimited is never needed here.
 */
export function discordChat(getClient: () => Client, options: { defaultLocale: Locale; guildId?: string; controls: () => Controls; commandText?: (text: string) => string }): ChatPort {
  const locale = options.defaultLocale;
  const render = async (reply: Reply) => {
    const messages = renderMessages(reply, options.controls(), locale, options.commandText);
    await options.controls().flush();
    return messages;
  };

  function guildFor(memberIds: readonly string[]): Guild {
    const client = getClient();
    const fromMembers = memberIds.map((id) => decodePerson(id)?.guild).find((g): g is string => Boolean(g));
    const id = fromMembers ?? options.guildId ?? (client.guilds.cache.size === 1 ? client.guilds.cache.first()?.id : undefined);
    const guild = id ? client.guilds.cache.get(id) : undefined;
    if (!guild) throw new Error(`Discord: no guild to create a channel in (members: ${memberIds.length})`);
    return guild;
  }

  return {
    async post(encoded, reply, postOptions) {
      const { id } = requireRef(encoded, "channel");
      const channel = await getClient().channels.fetch(id);
      if (!channel || !channel.isSendable()) throw new Error(`Discord: cannot send to channel ${encoded}`);
      await sendAll(channel, await render(reply), postOptions);
    },
    async directMessage(externalId, reply, postOptions) {
      const { id } = requireRef(externalId, "person");
      const dm = await getClient().users.createDM(id);
      await sendAll(dm, await render(reply), postOptions);
    },
    /**
     * A private text channel under the working-groups category (found by name, or created): hidden
     * from @everyone, visible to the members and to the bot itself (without its own overwrite the bot
     * would hide the channel from itself). Needs Manage Channels; allowing only permissions the bot
     * has itself, it needs no Manage Roles.
     */
    async createChannel(name, memberExternalIds) {
      const guild = guildFor(memberExternalIds);
      const categoryName = say(locale, "discord.category");
      const channels = await guild.channels.fetch();
      const category =
        channels.find((c) => c?.type === ChannelType.GuildCategory && c.name.toLocaleLowerCase("fi") === categoryName.toLocaleLowerCase("fi")) ??
        (await guild.channels.create({ name: categoryName, type: ChannelType.GuildCategory }));
      const allow = [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.ReadMessageHistory];
      const members = memberExternalIds.map((id) => decodePerson(id)).filter((ref) => ref?.guild === guild.id).map((ref) => ref!.id);
      const botId = getClient().user?.id;
      const overwrites: OverwriteResolvable[] = [
        { id: guild.id, type: OverwriteType.Role, deny: [PermissionFlagsBits.ViewChannel] },
        ...[...new Set([...(botId ? [botId] : []), ...members])].map((id) => ({ id, type: OverwriteType.Member, allow })),
      ];
      const channel = await guild.channels.create({ name: slug(name), type: ChannelType.GuildText, parent: category?.id ?? null, permissionOverwrites: overwrites });
      return channelId(guild.id, channel.id);
    },
    ...discordEvents(getClient),
  };
}
