import { destination, pino } from "pino";
import type { Logger } from "./core/shared/logger.ts";

/**
 * Structured logs on stderr, so that stdout stays the console bot's conversation. Tokens and
 * secrets are redacted wherever a log line carries them.
 */
export function createLogger(level: string): Logger & { level: string } {
  return pino(
    {
      level,
      redact: { paths: ["token", "*.token", "*.botToken", "*.appToken", "*.signingSecret", "headers.authorization"], censor: "[redacted]" },
    },
    destination(2),
  );
}
