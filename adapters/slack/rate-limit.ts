import { ChatRateLimited } from "../../src/core/shared/chat-errors.ts";

/**
 * The web client already waits out a 429's Retry-After and tries again (`retryConfig`). When it
 * finally gives up, the error says so in one of three ways; all become ChatRateLimited, so the
 * core's send queue waits instead of dropping the message.
 */
export function asRateLimited(error: unknown): ChatRateLimited | null {
  const e = error as { code?: string; retryAfter?: number; message?: string; data?: { error?: string; response_metadata?: { retryAfter?: number } } };
  if (e?.code === "slack_webapi_rate_limited_error") return new ChatRateLimited((e.retryAfter ?? 1) * 1000);
  if (e?.data?.error === "ratelimited") return new ChatRateLimited((e.data.response_metadata?.retryAfter ?? 1) * 1000);
  const fromMessage = /rate limit was exceeded.*retry-after: (\d+)/i.exec(e?.message ?? "");
  if (fromMessage) return new ChatRateLimited(Number(fromMessage[1]) * 1000);
  return null;
}

export async function rateLimitAware<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw asRateLimited(error) ?? error;
  }
}
