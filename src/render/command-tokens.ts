import { randomBytes } from "node:crypto";

/**
 * Commands behind buttons and select options that a platform cannot carry in full (Slack option
 * values hold 150 characters, Discord custom ids 100). The element carries a short token and the
 * command stays here: in memory and short-lived (a day, at most 10 000 entries). After a restart or
 * a day, pressing such an old choice finds nothing, and the adapter says it expired. The boot part of
 * every token keeps a restarted bot from mistaking an old message's token for one of its own.
 */
export class CommandTokens {
  private readonly entries = new Map<string, { command: string; expires: number }>();
  private readonly boot = randomBytes(4).toString("hex");
  private next = 0;

  constructor(
    /** Starts every token, so an adapter can tell its tokens from other values. */
    readonly prefix: string,
    private readonly ttlMs = 24 * 3_600_000,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** A fresh token standing for `command`. */
  tokenFor(command: string): string {
    this.prune();
    this.next += 1;
    const token = `${this.prefix}${this.boot}.${this.next.toString(36)}`;
    this.entries.set(token, { command, expires: this.now() + this.ttlMs });
    return token;
  }

  /** The command a token stands for; null when it expired or was never ours. */
  commandFor(token: string): string | null {
    const entry = this.entries.get(token);
    if (!entry || entry.expires < this.now()) return null;
    return entry.command;
  }

  private prune(): void {
    const now = this.now();
    for (const [token, entry] of this.entries) if (entry.expires < now) this.entries.delete(token);
    // Oldest first (a Map keeps insertion order).
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
