import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../src/core/shared/logger.ts";

export const secretPattern = /\b(xox[a-z]-|xapp-)[A-Za-z0-9-]+/g;

/**
 * Bolt's logger onto ours. Debug is dropped at every level of ours: Bolt, its Web API client and
 * Socket Mode print whole request and socket payloads there (a `/council election vote …` next to
 * its user). Of the other lines only the text is kept: an object or error passed along may be a
 * payload or carry one, so it shows as its kind, never its contents. Tokens are blanked.
 */
export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const line = (parts: unknown[]) =>
    parts
      .map((p) => (typeof p === "string" ? p : p instanceof Error ? `[${p.name}]` : `[${typeof p}]`))
      .join(" ")
      .replace(secretPattern, "$1[redacted]");
  return {
    debug: () => {},
    info: (...parts) => logger.info({ source: "slack" }, line(parts)),
    warn: (...parts) => logger.warn({ source: "slack" }, line(parts)),
    error: (...parts) => logger.error({ source: "slack" }, line(parts)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
