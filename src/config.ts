import { DateTime } from "luxon";
import { z } from "zod";
import type { MessageKey } from "./i18n/catalogues.ts";
import { localeSchema, type Locale } from "./i18n/locale.ts";
import { translate } from "./i18n/translate.ts";

const optionalText = z.string().trim().min(1).optional();
const optionalUrl = z.url().optional();
const isTimeZone = (zone: string) => DateTime.local().setZone(zone).isValid;

/** Every environment variable the bot reads, in one place; documented in .env.example. */
export const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:.+|postgres(ql)?:\/\/.+)/)
    .default("file:./data/council.db"),
  DEFAULT_LOCALE: localeSchema.default("fi"),
  TIMEZONE: z.string().refine(isTimeZone).default("Europe/Helsinki"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("warn"),
  CONSOLE_USER: z.string().trim().min(1).max(80).default("Admin"),
  CONSOLE_ADMINS: z
    .string()
    .default("Admin")
    .transform((names) => names.split(",").map((n) => n.trim()).filter(Boolean)),
  SLACK_BOT_TOKEN: z.string().startsWith("xoxb-").optional(),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: z.string().startsWith("xapp-").optional(),
  SLACK_API_URL: optionalUrl,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: z.string().regex(/^\d+$/).optional(),
  DISCORD_GUILD_ID: z.string().regex(/^\d+$/).optional(),
  DISCORD_API_URL: optionalUrl,
  WEB_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  WEB_HOST: z.string().trim().min(1).default("127.0.0.1"),
  PUBLIC_URL: optionalUrl,
  PLATFORM_CONNECT_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  AGENDA_DEADLINE_DAYS: z.coerce.number().int().min(0).max(60).default(3),
  REMINDER_LATE_LIMIT_HOURS: z.coerce.number().min(1).max(720).default(24),
  SCHEDULER_TICK_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  OUTBOX_SEND: z.stringbool().default(true),
  SMTP_URL: z
    .url()
    .refine((url) => /^smtps?:\/\//.test(url))
    .optional(),
  MAIL_FROM: optionalText,
  BALLOT_SECRET: optionalText,
  BALLOT_KEY_FILE: optionalText,
});
export type Config = z.infer<typeof configSchema>;

/** Credentials that only work together: a half-configured platform is a configuration error. */
const completeSchema = configSchema.superRefine((config, ctx) => {
  if (config.SLACK_BOT_TOKEN && !config.SLACK_SIGNING_SECRET && !config.SLACK_APP_TOKEN) {
    ctx.addIssue({ code: "custom", path: ["SLACK_SIGNING_SECRET"], message: "required with SLACK_BOT_TOKEN" });
  }
  if (config.SMTP_URL && !config.MAIL_FROM) {
    ctx.addIssue({ code: "custom", path: ["MAIL_FROM"], message: "required with SMTP_URL" });
  }
  if (config.DISCORD_TOKEN && !config.DISCORD_APPLICATION_ID) {
    ctx.addIssue({ code: "custom", path: ["DISCORD_APPLICATION_ID"], message: "required with DISCORD_TOKEN" });
  }
});

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** A secret's value is never echoed, not even a wrong one: it may be a real token pasted in the wrong place. */
const shown = (name: string, value: string | undefined): string =>
  value !== undefined && /TOKEN|SECRET|SMTP_URL/.test(name) ? "[…]" : JSON.stringify(value ?? "");

/**
 * Parses the environment once. On failure, one message lists every bad variable with what is
 * expected, in the configured language when that much could be read.
 */
export function parseConfig(env: NodeJS.ProcessEnv): ConfigResult {
  // An empty variable (`SLACK_BOT_TOKEN=` in .env) means "not set", not "set to nothing".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const result = completeSchema.safeParse(present);
  if (result.success) return { ok: true, config: result.data };
  const locale: Locale = localeSchema.catch("fi").parse(present.DEFAULT_LOCALE);
  const names = [...new Set(result.error.issues.map((issue) => String(issue.path[0])))];
  const lines = names.map(
    (name) =>
      `  ${name}=${shown(name, present[name])}: ${translate(locale, `config.expect.${name}` as MessageKey)}`,
  );
  return { ok: false, message: [translate(locale, "config.invalid"), ...lines].join("\n") };
}
