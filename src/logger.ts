import { destination, pino, type DestinationStream } from "pino";
import type { Logger } from "./core/shared/logger.ts";
import { loggedError } from "./core/shared/logged-error.ts";

/**
 * Structured logs on stderr, so that stdout stays the console bot's conversation. Tokens and
 * secrets are redacted wherever a log line carries them. Any `err` goes through `loggedError`:
 * pino's own serializer would copy an error's every property (an SDK error's request body, a
 * driver error's row), and those may hold a ballot. `to` is another destination (tests).
 */
export function createLogger(level: string, to: DestinationStream = destination(2)): Logger & { level: string; isLevelEnabled(level: string): boolean } {
  return pino(
    {
      level,
      redact: { paths: ["token", "*.token", "*.botToken", "*.appToken", "*.signingSecret", "headers.authorization"], censor: "[redacted]" },
      serializers: { err: (error: unknown) => (isLogged(error) ? error : loggedError(error)) },
    },
    to,
  );
}

// Already reduced by the caller (who may have kept less, e.g. no message for a ballot).
const loggedKeys = new Set(["type", "code", "message", "stack", "cause"]);
const isLogged = (value: unknown): boolean =>
  typeof value === "object" && value !== null && !(value instanceof Error) && "type" in value && Object.keys(value).every((k) => loggedKeys.has(k));
