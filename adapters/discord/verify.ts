import { DiscordAPIError, HTTPError, REST, Routes } from "discord.js";
import { networkErrorCode, type PlatformCheck } from "../../src/platform-start.ts";

// One attempt per call: the retrying and its limit are connectPlatform's (PLATFORM_CONNECT_SECONDS).
const attemptTimeoutMs = 10_000;

/**
 * Asks Discord once, without discord.js's retries, for the gateway the bot would connect to
 * (`GET /gateway/bot`, as login does): 401 means the token is rejected, a 5xx or a network failure
 * that Discord cannot be reached.
 */
export async function checkDiscordToken(token: string, apiUrl?: string): Promise<PlatformCheck> {
  const rest = new REST({ retries: 0, timeout: attemptTimeoutMs, ...(apiUrl ? { api: apiUrl } : {}) }).setToken(token);
  try {
    await rest.get(Routes.gatewayBot());
    return { ok: true };
  } catch (error) {
    if (error instanceof DiscordAPIError && (error.status === 401 || error.status === 403)) {
      return { ok: false, reason: "rejected", credential: "bot-token", code: error.message };
    }
    if (error instanceof DiscordAPIError && error.status === 429) return { ok: false, reason: "unreachable", code: "429" };
    if (error instanceof HTTPError) return { ok: false, reason: "unreachable", code: `HTTP ${error.status}` };
    const code = networkErrorCode(error);
    if (code) return { ok: false, reason: "unreachable", code };
    throw error;
  }
}
