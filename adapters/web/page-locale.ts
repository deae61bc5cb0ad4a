import type { Context } from "hono";
import { localeSchema, type Locale } from "../../src/i18n/locale.ts";

/** The reader's language for a public page: `?lang=`, else the browser's first of fi/en/sv, else Finnish. */
export function pageLocale(c: Context): Locale {
  const asked = localeSchema.safeParse(c.req.query("lang"));
  if (asked.success) return asked.data;
  for (const part of (c.req.header("accept-language") ?? "").split(",")) {
    const found = localeSchema.safeParse(part.trim().slice(0, 2).toLowerCase());
    if (found.success) return found.data;
  }
  return "fi";
}

export const escapeHtml = (value: string): string =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** A small page of the bot's own: title and body (already escaped HTML). */
export const page = (locale: Locale, title: string, body: string): string =>
  `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>\n${body}\n</body></html>`;
