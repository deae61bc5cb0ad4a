/**
 * Slack ids as the core sees them. The core's ids are opaque strings; only this file knows their
 * shape: workspace `slack:<team>`, channel `slack:<team>:<channel>`, person `slack:<team>:<user>`.
 */
const prefix = "slack";
const part = /^[A-Z0-9_-]+$/i;

export interface SlackRef {
  readonly team: string;
  readonly id: string;
}

export const workspaceId = (team: string): string => `${prefix}:${team}`;
export const channelId = (team: string, channel: string): string => `${prefix}:${team}:${channel}`;
export const personId = (team: string, user: string): string => `${prefix}:${team}:${user}`;

export function decodeWorkspace(encoded: string): string | null {
  const [p, team, ...rest] = encoded.split(":");
  return p === prefix && team && part.test(team) && rest.length === 0 ? team : null;
}

/** A channel or person id back to its team and Slack id; null when it is not one of ours. */
export function decodeRef(encoded: string): SlackRef | null {
  const [p, team, id, ...rest] = encoded.split(":");
  if (p !== prefix || !team || !id || rest.length > 0 || !part.test(team) || !part.test(id)) return null;
  return { team, id };
}

export const decodeChannel = decodeRef;
export const decodePerson = decodeRef;

/** Like decodeRef, but a foreign id is a programming error (the core handed us someone else's id). */
export function requireRef(encoded: string, what: "channel" | "person"): SlackRef {
  const ref = decodeRef(encoded);
  if (!ref) throw new Error(`not a Slack ${what} id: ${encoded}`);
  return ref;
}
