/**
 * What every adapter contract driver does: the moves a person and the operator make on one platform,
 * played against the real adapter over the platform's own protocol (or, for the console, its
 * streams). Scenarios (contract.test.ts) are written once against this interface.
 *
 * Drivers find buttons, options and forms in what the platform received (Block Kit, Discord
 * components, the console's transcript) by their label, and press them the way the platform would,
 * so they know nothing of how an adapter encodes the command behind a control.
 */

/** The people of the contract: the chair who creates groups, and a member who joins them. */
export type Person = "chair" | "member";

/** What a person sees of the bot's answer to their last move. */
export interface Shown {
  /** The text, with the platform's markdown rendered away (no `*`, `**` or backticks). */
  readonly text: string;
  /** The labels of the buttons and select options in the answer, in order. */
  readonly choices: readonly string[];
  /** Set when the answer is a form asking for a text (Slack modal, Discord modal). */
  readonly form?: { readonly title: string };
}

export interface As {
  /** Who makes the move (default: the chair). */
  readonly as?: Person;
}

export interface Where extends As {
  /** The channel the command is typed in, by name (default "yleinen"); drivers map it to their own id. */
  readonly in?: string;
}

/** What the platform says of a 429 it was told to answer: how many it has answered so far. */
export interface RateLimitProbe {
  served(): number;
}

export interface ContractDriver {
  readonly platform: "console" | "slack" | "discord";
  /** Why this platform has no such thing (the scenario is skipped with this reason), or null. */
  readonly lacks: { readonly forms: string | null; readonly rateLimits: string | null };
  /** Types `/council <text>` and resolves with the answer once it arrived. */
  command(text: string, where?: Where): Promise<Shown>;
  /** The answer to the person's last move. */
  lastReply(as?: Person): Shown;
  /**
   * Presses the button (or chooses the select option) labelled `label` on the latest message the
   * person sees that has one, and resolves with the answer.
   */
  press(label: string, who?: As): Promise<Shown>;
  /**
   * Fills in and submits the form the bot opened for the person's last command. Where the platform
   * has no forms, types the command again with the text (what a person at the console does).
   */
  submitForm(text: string, who?: As): Promise<Shown>;
  /**
   * What the bot posted to the channel on its own (announcements, not answers to a person), oldest
   * first. With `containing`, waits until at least `atLeast` (default 1) such posts arrived: posts
   * may be sent after the answer.
   */
  channelPosts(channel: string, wait?: { readonly containing: string; readonly atLeast?: number }): Promise<string[]>;
  /** Stops the adapter and the app and starts new ones on the same database and the same platform. */
  restart(): Promise<void>;
  /** The platform answers the bot's next channel post with 429 once (`lacks.rateLimits` says where it cannot). */
  rateLimitNext(options?: { readonly retryAfterSeconds?: number }): RateLimitProbe;
  /** Errors the bot logged since the last call. */
  takeLoggedErrors(): unknown[];
  close(): Promise<void>;
}

/** Resolves with the first truthy result of `probe`, polling; rejects after `timeoutMs` naming `what`. */
export async function until<T>(probe: () => T | null | undefined | false, what: string | (() => string), timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === "string" ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Posts containing `wait.containing`, once there are `wait.atLeast` of them; all posts without a wait. */
export async function awaitPosts(read: () => string[], channel: string, wait?: { readonly containing: string; readonly atLeast?: number }): Promise<string[]> {
  if (wait) {
    const atLeast = wait.atLeast ?? 1;
    await until(() => read().filter((post) => post.includes(wait.containing)).length >= atLeast, () => `${atLeast} post(s) in ${channel} containing "${wait.containing}" (seen: ${JSON.stringify(read())})`);
  }
  return read();
}
