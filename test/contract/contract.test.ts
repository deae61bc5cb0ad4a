/**
 * The adapter contract: the same scenarios, played by a person and the operator, on every platform
 * (console, Slack, Discord), each against its real adapter, the real core and a real SQLite file,
 * over the platform's own protocol (the local fakes in test/protocol/harness). One driver per
 * platform is shared by the scenarios; each scenario uses groups and channels of its own.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ContractDriver } from "./driver.ts";
import { startConsoleDriver } from "./drivers/console.ts";
import { startDiscordDriver } from "./drivers/discord.ts";
import { startSlackDriver } from "./drivers/slack.ts";

const drivers: [string, () => Promise<ContractDriver>][] = [
  ["console", startConsoleDriver],
  ["Slack", startSlackDriver],
  ["Discord", startDiscordDriver],
];

const escaped = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe.each(drivers)("adapter contract on %s", (_platform, start) => {
  let d: ContractDriver;
  beforeAll(async () => {
    d = await start();
  });
  afterAll(async () => {
    await d?.close();
  });
  afterEach(() => {
    expect(d.takeLoggedErrors()).toEqual([]);
  });

  it("1. a command: a group created is listed", async () => {
    const created = await d.command("group create Viestintä");
    expect(created.text).toContain("Työryhmä Viestintä perustettu. Olet sen puheenjohtaja.");
    const listed = await d.command("group list");
    expect(listed.text).toContain("Työryhmät (");
    expect(listed.text).toMatch(/\bViestintä$/m);
  });

  it("2. a confirmation: archiving asks first; cancel changes nothing, confirm archives", async () => {
    await d.command("group create Talous");
    const asked = await d.command("group archive Talous");
    expect(asked.text).toContain("Arkistoidaanko työryhmä Talous?");
    expect(asked.choices).toEqual(["Vahvista", "Peruuta"]);

    expect((await d.press("Peruuta")).text).toContain("Peruttu, mitään ei muutettu.");
    expect((await d.command("group info Talous")).text).toContain("toiminnassa");

    await d.command("group archive Talous");
    expect(d.lastReply().choices).toEqual(["Vahvista", "Peruuta"]);
    expect((await d.press("Vahvista")).text).toContain("Työryhmä Talous arkistoitu.");
    const info = await d.command("group info Talous");
    expect(info.text).toContain("arkistoitu");
    expect(info.text).not.toContain("toiminnassa");
  });

  it("3. a form: a news item's text submitted in the form is stored exactly", async () => {
    const asked = await d.command("news add -");
    // Chat platforms ask for the missing text in a form; the console asks for it on the next line.
    expect(asked.form !== undefined).toBe(d.lacks.forms === null);

    const text = `"lainausmerkit" ja 'heittomerkit' --confirm`;
    const added = await d.submitForm(`Lainaukset -- ${text}`);
    expect(added.text).toContain("Uutinen Lainaukset");
    const listed = await d.command("news list");
    // The item's line ends with the text exactly as typed: quotes, apostrophes and the literal flag kept.
    expect(listed.text).toMatch(new RegExp(`Lainaukset — ${escaped(text)}$`, "m"));
  });

  it("4. a post: a change in a group with a linked channel is announced there, once", async () => {
    await d.command("group create Tiedotus");
    await d.command("group rules Tiedotus joining open");
    expect((await d.command("group link-channel Tiedotus", { in: "tiedotus" })).text).toContain("Työryhmän Tiedotus ilmoitukset tulevat nyt tälle kanavalle.");

    expect((await d.command("group join Tiedotus", { as: "member" })).text).toContain("Liityit työryhmään Tiedotus jäsenenä.");
    await d.channelPosts("tiedotus", { containing: "liittyi työryhmään Tiedotus." });
    // One more round trip: a second copy of the post would have arrived by now.
    await d.command("group members Tiedotus");
    const posts = await d.channelPosts("tiedotus");
    expect(posts.filter((post) => post.includes("liittyi työryhmään Tiedotus."))).toHaveLength(1);
    expect(posts.filter((post) => post.includes("Tämä kanava on nyt työryhmän Tiedotus kanava."))).toHaveLength(1);
  });

  it("5. a restart between showing a button and pressing it: the press still does the action", async () => {
    await d.command("group create Kulttuuri");
    expect((await d.command("group archive Kulttuuri")).choices).toContain("Vahvista");

    await d.restart();
    expect((await d.press("Vahvista")).text).toContain("Työryhmä Kulttuuri arkistoitu.");
    expect((await d.command("group info Kulttuuri")).text).toContain("arkistoitu");
  });

  it("6. a rate limit: a post answered with 429 once still arrives, once", async (context) => {
    context.skip(d.lacks.rateLimits !== null, d.lacks.rateLimits ?? undefined);
    await d.command("group create Nuoriso");
    await d.command("group rules Nuoriso joining open");
    await d.command("group link-channel Nuoriso", { in: "nuoriso" });

    const limit = d.rateLimitNext({ retryAfterSeconds: 1 });
    expect((await d.command("group join Nuoriso", { as: "member" })).text).toContain("Liityit työryhmään Nuoriso jäsenenä.");
    await d.channelPosts("nuoriso", { containing: "liittyi työryhmään Nuoriso." });
    expect(limit.served()).toBe(1);
    await d.command("group members Nuoriso");
    expect((await d.channelPosts("nuoriso")).filter((post) => post.includes("liittyi työryhmään Nuoriso."))).toHaveLength(1);
  });
});
