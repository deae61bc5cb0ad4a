import type { Locale } from "../../i18n/locale.ts";
import type { Person } from "../people/person.ts";

export interface Actor {
  readonly person: Person;
  /** The platform says this person administers the workspace (Slack admin, Discord Manage Server). */
  readonly isWorkspaceAdmin: boolean;
}

/** Who asked, where, and in which language to answer. */
export interface Invocation {
  readonly actor: Actor;
  readonly workspaceId: string;
  /** The channel the command came from, when it came from one. */
  readonly channelId: string | null;
  readonly locale: Locale;
}
