import { describe, expect, it } from "vitest";
import { digestAttachments, escapeHtml, toHtml, toMarkdown, type ComposedDigest } from "../../../src/core/digest/export.ts";
import { splitNews } from "../../../src/core/digest/news.ts";

const nasty = `<script>alert("x")</script> & 'quotes' *bold* _it_ [link](javascript:alert(1))`;
const digest = (locale: "fi" | "en" | "sv" = "fi"): ComposedDigest => ({
  period: { workspaceId: "w", from: new Date("2026-11-22T22:00:00Z"), to: new Date("2026-11-29T22:00:00Z"), timeZone: "Europe/Helsinki", locale },
  sections: [
    {
      id: "news",
      title: "Uutiset",
      entries: [
        { key: "news:1", title: "Foorumi <2027>", text: nasty, link: "https://example.fi/a?b=1&c=2" },
        { key: "news:2", title: "Ilman linkkiä", text: "Rivi" },
        { key: "news:3", title: "Huono linkki", link: "javascript:alert(1)" },
      ],
    },
    { id: "groups", title: "Työryhmät & muut", entries: [{ key: "group-created:g", title: "Uusi työryhmä: Viestintä" }] },
  ],
  keys: ["news:1", "news:2", "news:3", "group-created:g"],
});

const voidElements = new Set(["meta", "br", "hr", "img", "link", "input"]);
/**
 * A small, strict checker: every tag is opened and closed in order, void elements are self-closed,
 * no raw < or > or stray & appears in text or attribute values, no <script>/<style>, no class or on* attributes.
 */
function checkHtml(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const body = html.replace(/^<!DOCTYPE html>\s*/i, "");
  const token = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"<>]*")*)\s*(\/?)>|([^<]+)|(<)/gi;
  for (const m of body.matchAll(token)) {
    const [, closing, name, attrs, selfClosing, text, strayLt] = m;
    if (strayLt) problems.push(`stray < at ${m.index}`);
    if (text !== undefined) {
      if (text.includes(">")) problems.push(`raw > in text: ${text.slice(0, 40)}`);
      if (/&(?!(amp|lt|gt|quot|#39);)/.test(text)) problems.push(`unescaped & in text: ${text.slice(0, 40)}`);
      continue;
    }
    if (!name) continue;
    const tag = name.toLowerCase();
    if (tag === "script" || tag === "style") problems.push(`<${tag}> present`);
    for (const [, attr, value] of (attrs ?? "").matchAll(/([a-z-]+)="([^"]*)"/gi)) {
      if (attr === "class" || attr?.startsWith("on")) problems.push(`attribute ${attr}`);
      if (/&(?!(amp|lt|gt|quot|#39);)/.test(value ?? "")) problems.push(`unescaped & in ${attr}`);
      if (attr === "href" && !/^https?:/.test(value ?? "")) problems.push(`unsafe href ${value}`);
    }
    if (voidElements.has(tag)) {
      if (!selfClosing) problems.push(`void <${tag}> not self-closed`);
    } else if (closing) {
      const open = stack.pop();
      if (open !== tag) problems.push(`</${tag}> closes <${open}>`);
    } else if (selfClosing) problems.push(`<${tag}/> is not void`);
    else stack.push(tag);
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(", ")}`);
  return problems;
}

describe("digest export", () => {
  it("HTML is a well-formed document with inline styles and every text escaped", () => {
    const html = toHtml(digest());
    expect(checkHtml(html)).toEqual([]);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;");
    expect(html).not.toContain("<script");
    expect(html).toContain('href="https://example.fi/a?b=1&amp;c=2"');
    expect(html).not.toContain('href="javascript');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="fi">/);
    expect(html).toContain("<li style=");
    expect(html).not.toContain("<style");
  });

  it("the checker itself catches broken markup", () => {
    expect(checkHtml("<div><p>x</div>")).not.toEqual([]);
    expect(checkHtml("<p>a & b</p>")).not.toEqual([]);
    expect(checkHtml("<p>a <b</p>")).not.toEqual([]);
    expect(checkHtml('<p onclick="x">a</p>')).not.toEqual([]);
  });

  it.each(["fi", "en", "sv"] as const)("is localized (%s)", (locale) => {
    const html = toHtml(digest(locale));
    expect(checkHtml(html)).toEqual([]);
    const title = { fi: "Kooste 23.11.2026–29.11.2026", en: "Digest 23/11/2026–29/11/2026", sv: "Sammandrag 23.11.2026–29.11.2026" }[locale];
    expect(html).toContain(`<title>${title}</title>`);
    expect(toMarkdown(digest(locale))).toContain(`# ${title}`);
  });

  it("Markdown escapes what would change its meaning and keeps links clickable", () => {
    const md = toMarkdown(digest());
    expect(md).toContain("## Uutiset");
    expect(md).toContain("\\*bold\\*");
    expect(md).toContain("\\[link\\](javascript:alert(1))");
    expect(md).toContain("\\<script\\>");
    expect(md).toContain("(<https://example.fi/a?b=1&c=2>)");
  });

  it("attachments are a Markdown and an HTML file", () => {
    const files = digestAttachments(digest());
    expect(files.map((f) => [f.filename, f.mimeType])).toEqual([
      ["digest-2026-11-30.md", "text/markdown"],
      ["digest-2026-11-30.html", "text/html"],
    ]);
    expect(escapeHtml(`<&>"'`)).toBe("&lt;&amp;&gt;&quot;&#39;");
  });
});

describe("news text", () => {
  it("splits title, text and a trailing link", () => {
    expect(splitNews("Foorumi 2027 -- Ilmoittaudu nyt. https://example.fi/x")).toEqual({
      title: "Foorumi 2027",
      body: "Ilmoittaudu nyt.",
      link: "https://example.fi/x",
    });
    expect(splitNews("Otsikko -- Teksti ilman linkkiä")).toEqual({ title: "Otsikko", body: "Teksti ilman linkkiä", link: null });
    expect(splitNews("Pelkkä otsikko")).toBeNull();
  });
});
