/**
 * Thrown by a ChatPort when the platform says "too many requests" (Slack 429 with Retry-After,
 * Discord's rate-limit bucket). The core's send queue waits `retryAfterMs` and tries again, so a
 * burst is delayed rather than dropped.
 */
export class ChatRateLimited extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`chat platform rate limit: retry after ${retryAfterMs} ms`);
    this.name = "ChatRateLimited";
  }
}

export const isRateLimited = (error: unknown): error is ChatRateLimited => error instanceof ChatRateLimited;
