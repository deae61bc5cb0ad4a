import { afterEach, describe, expect, it } from "vitest";
import { createWeb, startWeb, type WebServer } from "../../adapters/web/server.ts";
import { createTestApp, silentLogger } from "../support/test-app.ts";

describe("the web front end", () => {
  const servers: WebServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it("answers its health check from the database, and says unavailable once the database is gone", async () => {
    const test = await createTestApp();
    let open = true;
    const web = await startWeb({
      app: test,
      logger: silentLogger,
      port: 0,
      host: "127.0.0.1",
      databaseReady: async () => {
        if (!open) throw new Error("closed");
        await test.store.ping();
      },
    });
    servers.push(web);
    const healthy = await fetch(`${web.url}/health`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toEqual({ status: "ok" });
    open = false;
    const down = await fetch(`${web.url}/health`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "unavailable" });
    expect((await fetch(`${web.url}/no-such-page`)).status).toBe(404);
    await test.close();
  });

  it("refuses a port that is already taken with the port's error code", async () => {
    const test = await createTestApp();
    const first = await startWeb({ app: test, logger: silentLogger, port: 0, host: "127.0.0.1", databaseReady: () => test.store.ping() });
    servers.push(first);
    const port = Number(new URL(first.url).port);
    await expect(startWeb({ app: test, logger: silentLogger, port, host: "127.0.0.1", databaseReady: () => test.store.ping() })).rejects.toMatchObject({ code: "EADDRINUSE" });
    await test.close();
  });

  it("answers a page that fails with a localized message and the reference that is in the log, not the error", async () => {
    const test = await createTestApp();
    const logged: object[] = [];
    const logger = { ...silentLogger, error: (fields: object) => void logged.push(fields) };
    const failing = createWeb({ app: test, logger, publicUrl: "http://localhost", databaseReady: async () => {}, defaultLocale: "en" }, [
      (web) => web.get("/boom", () => {
        throw new Error("secret detail");
      }),
    ]);
    const response = await failing.request("/boom");
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).toMatch(/^Something went wrong/);
    expect(body).not.toContain("secret detail");
    const reference = (logged[0] as { reference: string }).reference;
    expect(body).toContain(reference);
    await test.close();
  });
});
