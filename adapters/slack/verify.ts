import { webApi } from "@slack/bolt";
import type { Logger } from "../../src/core/shared/logger.ts";
import { networkErrorCode, type PlatformCheck } from "../../src/platform-start.ts";
import { boltLogger } from "./log.ts";

/** Slack's answers that mean the token itself is no good: waiting will not change them. */
const rejectedCodes = new Set([
  "invalid_auth",
  "not_authed",
  "token_revoked",
  "token_expired",
  "account_inactive",
  "not_allowed_token_type",
  "no_permission",
  "org_login_required",
  "team_access_not_granted",
  "ekm_access_denied",
]);

// One attempt per call: the retrying and its limit are connectPlatform's (PLATFORM_CONNECT_SECONDS).
const attemptTimeoutMs = 10_000;

/** What one failed call says: a rejected token, or a Slack that cannot be reached (yet). */
function classify(error: unknown, credential: "bot-token" | "app-token"): PlatformCheck {
  const e = error as { code?: string; data?: { error?: string }; statusCode?: number };
  switch (e?.code) {
    case webApi.ErrorCode.PlatformError: {
      const code = e.data?.error ?? "unknown";
      return rejectedCodes.has(code) ? { ok: false, reason: "rejected", credential, code } : { ok: false, reason: "unreachable", code };
    }
    case webApi.ErrorCode.RequestError:
      return { ok: false, reason: "unreachable", code: networkErrorCode(e) ?? "request_error" };
    case webApi.ErrorCode.HTTPError:
      return { ok: false, reason: "unreachable", code: `HTTP ${e.statusCode ?? "?"}` };
    case webApi.ErrorCode.RateLimitedError:
      return { ok: false, reason: "unreachable", code: "ratelimited" };
    default:
      throw error;
  }
}

export interface SlackCredentials {
  readonly botToken: string;
  readonly appToken?: string | undefined;
  readonly apiUrl?: string | undefined;
  readonly logger: Logger;
}

/**
 * Asks Slack whether the bot token (auth.test) and, for Socket Mode, the app token
 * (apps.connections.open, whose URL is then left unused) are good, once each, without the web
 * client's five minutes of retries. Resolves with the team id when both are.
 */
export async function checkSlackCredentials(credentials: SlackCredentials): Promise<{ check: PlatformCheck; team?: string }> {
  const client = (token: string) =>
    new webApi.WebClient(token, {
      ...(credentials.apiUrl ? { slackApiUrl: credentials.apiUrl } : {}),
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: attemptTimeoutMs,
      logger: boltLogger(credentials.logger),
    });
  let team: string | undefined;
  try {
    team = (await client(credentials.botToken).auth.test()).team_id;
  } catch (error) {
    return { check: classify(error, "bot-token") };
  }
  if (credentials.appToken) {
    try {
      await client(credentials.appToken).apps.connections.open();
    } catch (error) {
      return { check: classify(error, "app-token") };
    }
  }
  return { check: { ok: true }, ...(team ? { team } : {}) };
}
