import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../src/core/shared/logger.ts";

export const secretPattern = /\b(xox[a-z]-|xapp-)[A-Za-z0-9-]+/g;

/** Bolt's logger onto ours; debug is dropped, anything looking like a token is blanked. */
export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const line = (parts: unknown[]) =>
    parts
      .map((p) => (typeof p === "string" ? p : p instanceof Error ? p.message : JSON.stringify(p)))
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
