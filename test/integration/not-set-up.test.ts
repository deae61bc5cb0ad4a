import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMailAdapter } from "../../adapters/mail/index.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";
import { foundViestinta } from "../support/viestinta.ts";

// A bot started without SMTP_URL, WEB_PORT and PUBLIC_URL: a member is not shown the server's settings.
describe("e-mail, the newsletter and calendar feeds on a bot without them", () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ admins: ["Admin"] });
    await foundViestinta(app);
  });
  afterEach(() => app.close());

  it("tell a member that the bot's administrator can set them up, and an admin which settings they need", async () => {
    const member = [
      await app.say("Maija", "profile set email maija@example.fi"),
      await app.say("Maija", "newsletter subscribe maija@example.fi"),
      await app.say("Maija", "group calendar Viestintä"),
    ];
    expect(member[0]).toContain("Sähköposti ei ole vielä käytössä tässä neuvostossa. Botin ylläpitäjä voi ottaa sen käyttöön.");
    expect(member[1]).toContain("Sähköposti ei ole vielä käytössä");
    expect(member[2]).toContain("Kalenterisyötettä ei vielä ole: botin verkkosivut eivät ole käytössä. Botin ylläpitäjä voi ottaa ne käyttöön.");
    for (const reply of member) expect(reply).not.toMatch(/SMTP_URL|MAIL_FROM|WEB_PORT|PUBLIC_URL/);
    expect(await app.say("Admin", "profile set email admin@example.fi")).toContain("SMTP_URL");
    expect(await app.say("Admin", "group calendar Viestintä")).toContain("WEB_PORT ja PUBLIC_URL");
  });

  it("with e-mail but without the web pages, tell a member the newsletter needs them, and an admin which settings", async () => {
    // Nothing is sent: the newsletter is refused before any mail.
    const mail = createMailAdapter({ url: "smtp://127.0.0.1:9", from: "Järjestöneuvosto <botti@example.fi>", locale: "fi" });
    const withMail = await createTestApp({ admins: ["Admin"], mail });
    try {
      const member = await withMail.say("Maija", "newsletter subscribe maija@example.fi");
      expect(member).toContain("Uutiskirjettä ei voi vielä tilata: botin verkkosivut eivät ole käytössä. Botin ylläpitäjä voi ottaa ne käyttöön.");
      expect(member).not.toMatch(/WEB_PORT|PUBLIC_URL/);
      expect(await withMail.say("Admin", "newsletter subscribe admin@example.fi")).toContain("(WEB_PORT ja PUBLIC_URL)");
    } finally {
      await withMail.close();
    }
  });
});
