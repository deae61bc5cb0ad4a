import { GuildScheduledEventEntityType, GuildScheduledEventPrivacyLevel, GuildScheduledEventStatus, Routes, type Client } from "discord.js";
import type { ChatEvent, ChatPort } from "../../src/core/shared/chat.ts";
import { requireRef } from "./ids.ts";

/** Discord's limits for an event: name 100 characters, description 1 000, location 100. */
const cut = (value: string, max: number) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

const eventBody = (event: ChatEvent) => ({
  name: cut(event.name, 100),
  description: cut(event.description, 1000),
  scheduled_start_time: event.startsAt.toISOString(),
  scheduled_end_time: event.endsAt.toISOString(),
  entity_metadata: { location: cut(event.location, 100) },
});

async function madeEarlier(client: Client, guild: string, event: ChatEvent): Promise<string | null> {
  const events = (await client.rest.get(Routes.guildScheduledEvents(guild))) as { id: string; name: string; scheduled_start_time: string; creator_id?: string | null; status: number }[];
  const body = eventBody(event);
  const same = events.find(
    (e) =>
      e.name === body.name &&
      Date.parse(e.scheduled_start_time) === event.startsAt.getTime() &&
      e.status === GuildScheduledEventStatus.Scheduled &&
      (!client.user || !e.creator_id || e.creator_id === client.user.id),
  );
  return same?.id ?? null;
}

/**
 * Meetings as guild scheduled events: an EXTERNAL event (a place or a remote link, not a voice
 * channel) in the guild of the group's channel, moved with the meeting and cancelled with it.
 * Through the REST client, so the guild need not be in the gateway's cache.
 */
export function discordEvents(getClient: () => Client): Required<Pick<ChatPort, "scheduleEvent" | "cancelEvent">> {
  return {
    async scheduleEvent(channelId, event, knownId) {
      const { guild } = requireRef(channelId, "channel");
      const rest = getClient().rest;
      // Scheduled events take no nonce: a retry after a crash between Discord's answer and our commit
      // finds the event it made by the bot, name and start instead of making a second one.
      const existingId = knownId ?? (await madeEarlier(getClient(), guild, event));
      if (existingId) {
        const moved = (await rest.patch(Routes.guildScheduledEvent(guild, existingId), { body: eventBody(event) })) as { id: string };
        return moved.id;
      }
      const created = (await rest.post(Routes.guildScheduledEvents(guild), {
        body: { ...eventBody(event), privacy_level: GuildScheduledEventPrivacyLevel.GuildOnly, entity_type: GuildScheduledEventEntityType.External },
      })) as { id: string };
      return created.id;
    },
    async cancelEvent(channelId, eventId) {
      const { guild } = requireRef(channelId, "channel");
      await getClient().rest.patch(Routes.guildScheduledEvent(guild, eventId), { body: { status: GuildScheduledEventStatus.Canceled } });
    },
  };
}
