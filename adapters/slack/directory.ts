import type { webApi } from "@slack/bolt";
import type { PersonDirectory } from "../../src/core/people/directory.ts";
import type { PersonIdentity } from "../../src/core/people/person.ts";
import { personId } from "./ids.ts";
import { userMention } from "./parse.ts";

export interface SlackUserInfo {
  readonly identity: PersonIdentity;
  readonly isWorkspaceAdmin: boolean;
}

interface UsersInfoUser {
  name?: string;
  real_name?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  profile?: { display_name?: string; real_name?: string };
}

/**
 * users.info, cached per user for a few minutes: names and admin rights change rarely, and every
 * command asks who its sender is. A failed look-up is not cached.
 */
export class SlackUsers {
  private readonly cache = new Map<string, { info: Promise<SlackUserInfo | null>; expires: number }>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly ttlMs = 5 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Who `user` of `team` is; null when Slack knows nobody by that id. */
  info(team: string, user: string): Promise<SlackUserInfo | null> {
    const key = `${team}:${user}`;
    const cached = this.cache.get(key);
    if (cached && cached.expires > this.now()) return cached.info;
    const info = this.lookUp(team, user);
    this.cache.set(key, { info, expires: this.now() + this.ttlMs });
    info.then(
      (value) => value ?? this.cache.delete(key),
      () => this.cache.delete(key),
    );
    return info;
  }

  private async lookUp(team: string, user: string): Promise<SlackUserInfo | null> {
    try {
      const answer = await this.client.users.info({ user });
      const u = answer.user as UsersInfoUser | undefined;
      if (!u) return null;
      const displayName = u.profile?.display_name || u.real_name || u.profile?.real_name || u.name || user;
      return {
        identity: { externalId: personId(team, user), displayName },
        isWorkspaceAdmin: u.is_admin === true || u.is_owner === true || u.is_primary_owner === true,
      };
    } catch (error) {
      if ((error as { data?: { error?: string } }).data?.error === "user_not_found") return null;
      throw error;
    }
  }

  /** The sender of a request: looked up when possible, else known by id and name as Slack sent them. */
  async sender(team: string, user: string, fallbackName?: string): Promise<SlackUserInfo> {
    try {
      const info = await this.info(team, user);
      if (info) return info;
    } catch {
      // Slack unreachable for a moment: the command still runs, without admin rights.
    }
    return { identity: { externalId: personId(team, user), displayName: fallbackName || user }, isWorkspaceAdmin: false };
  }
}

/** Mentions (`<@U123>`, `<@U123|name>`) name Slack users; anything else names nobody here. */
export function slackDirectory(users: SlackUsers, team: string): PersonDirectory {
  return {
    async resolve(reference) {
      const match = userMention.exec(reference.trim());
      if (!match?.[1]) return null;
      return (await users.info(team, match[1]))?.identity ?? null;
    },
  };
}
