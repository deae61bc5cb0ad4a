import { z } from "zod";
import { describe, expect, it } from "vitest";
import { buildRegistration, commandSize, commandText, limits as commandLimits, optionName, RegistrationLimitError, routeKeyOf, type Registration } from "../../../adapters/discord/commands.ts";
import { channelId, decodeChannel, decodePerson, decodeWorkspace, personId, workspaceId } from "../../../adapters/discord/ids.ts";
import { memoryControls } from "../../support/controls.ts";
import { longTextModal } from "../../../adapters/discord/modals.ts";
import { customIdsOf, limits, markdown, renderMessages, type DiscordMessage } from "../../../adapters/discord/render.ts";
import { defineCommand } from "../../../src/commands/define.ts";
import { commands } from "../../../src/commands/registry.ts";
import { buttons, fields, heading, list, onlyYou, select, text, toChannel, withAttachment } from "../../../src/render/build.ts";

const allText = (messages: readonly DiscordMessage[]): string =>
  messages
    .flatMap((m) => [m.content ?? "", ...m.embeds.flatMap((e) => [e.title ?? "", e.description ?? "", ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])])
    .join("\n");

function withinLimits(m: DiscordMessage): void {
  expect(m.embeds.length).toBeLessThanOrEqual(limits.embedsPerMessage);
  let total = 0;
  for (const e of m.embeds) {
    expect((e.description ?? "").length).toBeLessThanOrEqual(limits.description);
    expect((e.title ?? "").length).toBeLessThanOrEqual(limits.title);
    expect((e.fields ?? []).length).toBeLessThanOrEqual(limits.fields);
    for (const f of e.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(limits.fieldValue);
    total += (e.title ?? "").length + (e.description ?? "").length + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  }
  expect(total).toBeLessThanOrEqual(limits.charsPerMessage);
  expect(m.components.length).toBeLessThanOrEqual(limits.rowsPerMessage);
  for (const row of m.components) expect(row.components.length).toBeLessThanOrEqual(limits.buttonsPerRow);
}

describe("Discord ids", () => {
  it("round-trip workspace, channel and person ids and reject foreign ones", () => {
    expect(decodeWorkspace(workspaceId("123"))).toBe("123");
    expect(decodeChannel(channelId("123", "456"))).toEqual({ guild: "123", id: "456" });
    expect(decodePerson(personId("123", "789"))).toEqual({ guild: "123", id: "789" });
    expect(decodePerson("slack:T1:U2")).toBeNull();
    expect(decodeChannel("discord:123")).toBeNull();
    expect(decodeWorkspace("discord:1:2")).toBeNull();
  });
});

describe("Discord rendering", () => {
  it("splits a 60-item list into marked messages without losing an item", () => {
    const items = Array.from({ length: 60 }, (_, i) => `Kohta ${i + 1}: ${"sana ".repeat(30)}`);
    const messages = renderMessages(onlyYou(heading("Lista"), list(items, true)), memoryControls(), "fi");
    expect(messages.length).toBeGreaterThan(1);
    messages.forEach((m, i) => {
      withinLimits(m);
      expect(m.content).toBe(`(${i + 1}/${messages.length})`);
    });
    const all = allText(messages);
    for (let i = 1; i <= 60; i++) expect(all).toContain(`${i}. Kohta ${i}:`);
  });

  it("splits a 9000-character text and keeps every character", () => {
    const words = Array.from({ length: 1500 }, (_, i) => `w${i}`).join(" ");
    const long = words.padEnd(9000, "x");
    const messages = renderMessages(toChannel(text(long)), memoryControls(), "sv");
    expect(messages.length).toBeGreaterThan(1);
    messages.forEach(withinLimits);
    const joined = messages.flatMap((m) => m.embeds.map((e) => e.description ?? "")).join("");
    expect(joined.replace(/\s/g, "")).toBe(long.replace(/\s/g, ""));
  });

  it("keeps fields, buttons, selects and attachments within limits, and every option still runs its call", async () => {
    const many = Array.from({ length: 30 }, (_, i) => [`Kenttä ${i}`, "v".repeat(1500)] as const);
    const options = Array.from({ length: 30 }, (_, i) => ({ label: `Vaihtoehto ${i}`, call: { command: "group info", args: { group: `Ryhmä ${i} ${"pitkä ".repeat(i)}` } } }));
    const reply = withAttachment(
      onlyYou(
        fields(...many),
        buttons(...Array.from({ length: 12 }, (_, i) => ({ label: `${"Painike ".repeat(12)}${i}`, call: { command: "group join", args: { group: `Ryhmä ${i}` } } }))),
        select("Valitse", options),
      ),
      { filename: "poytakirja.md", mimeType: "text/markdown", content: "# Pöytäkirja" },
    );
    const controls = memoryControls();
    const messages = renderMessages(reply, controls, "fi");
    await controls.flush();
    messages.forEach(withinLimits);
    const all = allText(messages);
    for (let i = 0; i < 30; i++) expect(all).toContain(`Kenttä ${i}`);
    const ids = messages.flatMap(customIdsOf);
    expect(ids.every((id) => id.length <= limits.customId)).toBe(true);
    const labels = messages.flatMap((m) => m.components.flatMap((r) => r.components.map((c) => ("label" in c ? (c.label ?? "") : ""))));
    expect(labels.every((l) => l.length <= limits.buttonLabel)).toBe(true);
    expect(messages.flatMap((m) => m.components.flatMap((r) => r.components)).filter((c) => c.type === 3)).toHaveLength(2);
    const optionValues = messages.flatMap((m) => m.components.flatMap((r) => r.components.flatMap((c) => ("options" in c ? c.options.map((o) => o.value) : []))));
    // The long ones stand for tokens; every one reads back as the call it was given.
    expect(optionValues.some((v) => v.startsWith("t|"))).toBe(true);
    expect((await Promise.all(optionValues.map((v) => controls.read(v)))).map((r) => r?.call)).toEqual(options.map((o) => o.call));
    expect(messages[0]?.files.map((f) => f.name)).toEqual(["poytakirja.md"]);
  });

  it("turns *bold* into **bold** and leaves cron stars alone", () => {
    expect(markdown("Työryhmä *Viestintä* perustettu")).toBe("Työryhmä **Viestintä** perustettu");
    expect(markdown("0 9 * * 1")).toBe("0 9 * * 1");
  });

});

/** Every root+group+sub Discord can send for the registration, as the route key it reaches. */
function reachable(registration: Registration): string[] {
  const Subcommand = 1;
  const SubcommandGroup = 2;
  return registration.payloads.flatMap((root) => {
    const top = root.options ?? [];
    if (root.name !== "council" && !top.some((o) => o.type === Subcommand)) return [routeKeyOf(root.name, null, null)];
    return top.flatMap((o) => {
      if (o.type === SubcommandGroup) return (o.options ?? []).map((sub) => routeKeyOf(root.name, o.name, sub.name));
      return o.type === Subcommand ? [routeKeyOf(root.name, null, o.name)] : [];
    });
  }).map((key) => key ?? "(none)");
}

describe("Discord registration", () => {
  it("covers every visible command, each reachable by exactly one root, group and subcommand", () => {
    const registration = buildRegistration(commands);
    const visible = commands.filter((c) => !c.hidden);
    expect(registration.routes.size).toBe(visible.length);
    const paths = [...registration.routes.values()].map((r) => r.path.join(" ")).sort();
    expect(paths).toEqual(visible.map((c) => c.path.join(" ")).sort());
    const keys = reachable(registration);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual([...registration.routes.keys()].sort());
    expect(optionName("newsGroup")).toBe("news-group");
    const json = JSON.stringify(registration.payloads);
    for (const description of json.match(/"description":"[^"]*"/g) ?? []) expect(description.length - 16).toBeLessThanOrEqual(100);
  });

  it("fails loudly instead of dropping commands beyond Discord's limits", () => {
    const fake = (path: string[], args: z.ZodObject = z.object({})) =>
      defineCommand({ path, args, sideEffects: false, run: async () => onlyYou(text("x")) });
    const tooManySubs = Array.from({ length: 26 }, (_, i) => fake(["big", `s${i}`]));
    expect(() => buildRegistration(tooManySubs)).toThrow(RegistrationLimitError);
    const shape = Object.fromEntries(Array.from({ length: 26 }, (_, i) => [`o${i}`, z.string().optional()]));
    expect(() => buildRegistration([fake(["wide"], z.object(shape))])).toThrow(/26 arguments/);
    expect(() => buildRegistration([fake(["a", "b", "c"])])).toThrow(RegistrationLimitError);
    // One area too big for any command: the error names its root.
    const bulky = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`aRatherLongOptionName${i}`, z.string().optional()]));
    const tooBig = Array.from({ length: 20 }, (_, i) => fake(["big", `s${i}`], z.object(bulky)));
    expect(() => buildRegistration(tooBig)).toThrow(/\/big is \d+ characters; Discord allows 8000/);
  });

  it("gives the areas after the first that does not fit in /council a root each", () => {
    const fake = (path: string[], args: z.ZodObject = z.object({})) =>
      defineCommand({ path, args, sideEffects: false, run: async () => onlyYou(text("x")) });
    // 26 one-word areas: 25 fit under /council, the 26th is /a25.
    const manyAreas = buildRegistration(Array.from({ length: 26 }, (_, i) => fake([`a${i}`])));
    expect(manyAreas.payloads.map((p) => p.name)).toEqual(["council", "a25"]);
    expect(manyAreas.payloads[0]?.options).toHaveLength(25);
    expect(manyAreas.payloads[1]?.options).toEqual([]);
    expect(manyAreas.ownRoots).toEqual(["a25"]);
    // Three areas of ~3000 characters: the third does not fit, and the small one after it follows it out.
    const bulky = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`aRatherLongOptionName${i}`, z.string().optional()]));
    const area = (name: string) => Array.from({ length: 5 }, (_, i) => fake([name, `s${i}`], z.object(bulky)));
    const split = buildRegistration([...area("first"), ...area("second"), ...area("third"), fake(["small", "one"])]);
    expect(split.payloads.map((p) => p.name)).toEqual(["council", "third", "small"]);
    expect(split.payloads[0]?.options?.map((o) => o.name)).toEqual(["first", "second"]);
    expect(split.payloads[2]?.options?.map((o) => o.name)).toEqual(["one"]);
    expect(split.routes.get(routeKeyOf("third", null, "s0") ?? "")?.path).toEqual(["third", "s0"]);
    // Deterministic: the same definitions give the same hash.
    expect(buildRegistration([...area("first"), ...area("second"), ...area("third"), fake(["small", "one"])]).hash).toBe(split.hash);
  });

  it("keeps every real root within Discord's 8000-character command size", () => {
    const registration = buildRegistration(commands);
    expect(registration.payloads.length).toBeGreaterThan(1);
    for (const root of registration.payloads) expect(commandSize(root), `/${root.name}`).toBeLessThanOrEqual(commandLimits.commandSize);
  });

  it("names a moved area's own root where the core says /council <area>", () => {
    const said = commandText(["election"]);
    expect(said("Äänestä: `/council election vote <vaali> <valinnat>`")).toBe("Äänestä: `/election vote <vaali> <valinnat>`");
    expect(said("/council group add, /council elections, /council election")).toBe("/council group add, /council elections, /election");
    expect(commandText([])("/council election vote")).toBe("/council election vote");
    const form = longTextModal("fi", { call: { command: "election nominate", args: {} }, arg: "statement" }, memoryControls(), said).toJSON();
    expect(JSON.stringify(form)).toContain("Teksti komentoon /election nominate.");
  });
});
