import { describe, expect, it } from "vitest";
import { renderMail } from "../../../adapters/mail/render.ts";
import { vtimezone } from "../../../src/core/calendar/vtimezone.ts";
import { parseConfig } from "../../../src/config.ts";
import { fields, heading, list, text, toChannel } from "../../../src/render/build.ts";

describe("mail configuration", () => {
  it("given SMTP_URL without MAIL_FROM, refuses naming MAIL_FROM and never echoing the URL's password", () => {
    const result = parseConfig({ SMTP_URL: "smtps://botti:salainen@smtp.example.fi:465" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain("MAIL_FROM");
    expect(result.message).not.toContain("salainen");
  });
  it("refuses an SMTP_URL that is not smtp:// or smtps://", () => {
    const result = parseConfig({ SMTP_URL: "https://smtp.example.fi", MAIL_FROM: "botti@example.fi" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain("SMTP_URL=[…]");
  });
});

describe("a reply as an e-mail", () => {
  it("escapes what people typed in the HTML and keeps the same content in the text", () => {
    const body = renderMail(
      toChannel(heading("Esityslista <b>"), text("*Kohta* 5: <script>alert(1)</script> https://example.fi/a?b=1&c=2"), list(["a & b"], true), fields(["Paikka", "\"Sali\""])),
      "fi",
      "alatunniste",
    );
    expect(body.html).not.toContain("<script>");
    expect(body.html).toContain("&lt;script&gt;");
    expect(body.html).toContain("<strong>Kohta</strong>");
    expect(body.html).toContain('<a href="https://example.fi/a?b=1&amp;c=2">');
    expect(body.html).toContain("<ol><li>a &amp; b</li></ol>");
    expect(body.text).toContain("Kohta 5: <script>alert(1)</script>");
    expect(body.text).toContain("1. a & b");
    expect(body.text).toContain("alatunniste");
  });
});

describe("the council's time zone in calendars", () => {
  it("gives Europe/Helsinki its EET/EEST rules", () => {
    const zone = vtimezone("Europe/Helsinki")!;
    expect(zone).toContain("TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0300\r\nDTSTART:19700329T030000");
    expect(zone).toContain("TZOFFSETFROM:+0300\r\nTZOFFSETTO:+0200\r\nDTSTART:19701025T040000");
  });
});
