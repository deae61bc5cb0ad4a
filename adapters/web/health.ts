import type { WebPage } from "./server.ts";

/**
 * For a load balancer or an uptime check: 200 when the bot can read its database, 503 when not.
 * Says nothing about the council's data.
 */
export const healthPage: WebPage = (web, { databaseReady }) => {
  web.get("/health", async (c) => {
    const ready = await databaseReady().then(
      () => true,
      () => false,
    );
    return c.json({ status: ready ? "ok" : "unavailable" }, ready ? 200 : 503);
  });
};
