import { setTimeout as sleep } from "node:timers/promises";

/**
 * What a platform said when the bot checked its credentials at start-up. `code` is the platform's
 * own word for it (`invalid_auth`, `token_revoked`, `401`, `ECONNREFUSED`), shown to the operator.
 */
export type PlatformCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: "rejected"; readonly credential: "bot-token" | "app-token"; readonly code: string }
  | { readonly ok: false; readonly reason: "unreachable"; readonly code: string };

export type PlatformFailure = Exclude<PlatformCheck, { ok: true }>;

/** Exit codes a supervisor can tell apart: a rejected token needs a person, an outage only time. */
export const exitCodes = { credentialsRejected: 3, unreachable: 4 } as const;

/**
 * The system's word for a network failure (ECONNREFUSED, ENOTFOUND, UND_ERR_CONNECT_TIMEOUT …),
 * looked for along the error's causes: HTTP clients wrap it once or twice (axios, fetch).
 */
export function networkErrorCode(error: unknown): string | undefined {
  let current = error as { name?: unknown; code?: unknown; cause?: unknown; original?: unknown; errors?: unknown[] } | undefined;
  for (let depth = 0; current && depth < 5; depth += 1) {
    if (current.name === "AbortError" || current.name === "TimeoutError") return "timeout";
    const code = current.code;
    if (typeof code === "string" && /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(code)) return code;
    current = (current.original ?? current.cause ?? current.errors?.[0]) as typeof current;
  }
  return undefined;
}

export const exitCodeOf = (failure: PlatformFailure): number =>
  failure.reason === "rejected" ? exitCodes.credentialsRejected : exitCodes.unreachable;

export interface ConnectOptions {
  /** How long an unreachable platform is tried again before giving up. */
  readonly seconds: number;
  /** Told before each wait, so the log shows that the bot is still trying. */
  readonly onRetry?: (failure: PlatformFailure, attempt: number, waitMs: number) => void;
  readonly now?: () => number;
  readonly wait?: (ms: number) => Promise<unknown>;
}

const firstWaitMs = 500;
const longestWaitMs = 8000;

/**
 * Checks the credentials, trying again with a doubling wait while the platform cannot be reached,
 * for at most `seconds`. A rejection is final at once: trying a revoked token again changes nothing.
 */
export async function connectPlatform(check: () => Promise<PlatformCheck>, options: ConnectOptions): Promise<PlatformCheck> {
  const now = options.now ?? Date.now;
  const wait = options.wait ?? sleep;
  const deadline = now() + options.seconds * 1000;
  for (let attempt = 1; ; attempt += 1) {
    const result = await check();
    if (result.ok || result.reason === "rejected") return result;
    const left = deadline - now();
    if (left <= 0) return result;
    const waitMs = Math.min(firstWaitMs * 2 ** (attempt - 1), longestWaitMs, left);
    options.onRetry?.(result, attempt, waitMs);
    await wait(waitMs);
  }
}
