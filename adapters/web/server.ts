import { serve } from "@hono/node-server";
import { Hono } from "hono";
import type { AddressInfo } from "node:net";
import type { App } from "../../src/app.ts";
import type { Logger } from "../../src/core/shared/logger.ts";
import type { Locale } from "../../src/i18n/locale.ts";
import { translate } from "../../src/i18n/translate.ts";
import { webPages } from "./pages.ts";

/** What a page module is given: the core to read from, and where the bot's pages are reached. */
export interface WebContext {
  readonly app: App;
  /** The address people reach these pages at (PUBLIC_URL), for links in feeds, mails and pages. */
  readonly publicUrl: string;
  readonly logger: Logger;
  /** Resolves when the database answers; rejects when it does not. */
  readonly databaseReady: () => Promise<void>;
  /** The council's language (DEFAULT_LOCALE), for a reader whose browser asks for none of ours; default fi. */
  readonly defaultLocale?: Locale;
  /** The council's time zone (TIMEZONE), for dates on pages; default Europe/Helsinki. */
  readonly timeZone?: string;
}

/** A page module registers its routes; adapters/web/pages.ts lists them. */
export type WebPage = (web: Hono, context: WebContext) => void;

export interface WebServer {
  /** The address the server listens on (`http://127.0.0.1:PORT`): with port 0, the port it got. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The bot's HTTP front end: public pages and feeds. Read-only views of what the council has
 * published; nothing here changes state except what a page's own link was made for (e.g. an
 * unsubscribe link), and every route answers from the core, never from the platform.
 */
export function createWeb(context: WebContext, pages: readonly WebPage[] = webPages): Hono {
  const web = new Hono();
  for (const page of pages) page(web, context);
  web.onError((error, c) => {
    const reference = crypto.randomUUID().slice(0, 8);
    context.logger.error({ reference, err: error, path: c.req.path }, "web request failed");
    // The reader gets the reference the log has, in words, never the error itself.
    return c.text(translate(context.defaultLocale ?? "fi", "error.unexpected", { reference }), 500);
  });
  return web;
}

export async function startWeb(options: Omit<WebContext, "publicUrl"> & { port: number; host: string; publicUrl?: string }): Promise<WebServer> {
  // The routes are made once the port is known: with port 0 and no PUBLIC_URL, links name the real port.
  let web: Hono | undefined;
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: (request) => web!.fetch(request), port: options.port, hostname: options.host }, () => resolve(started));
    started.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host.includes(":") ? `[${options.host}]` : options.host}:${port}`;
  web = createWeb({ ...options, publicUrl: (options.publicUrl ?? url).replace(/\/+$/, "") });
  return {
    url,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
