/**
 * Areas that do not fit in `/council` (Discord's 8000 characters per command) as roots of their own,
 * through the real discord.js client against the fake Discord: what is registered, and that a
 * person can use `/election …` — run, autocomplete, and read about it in help.
 */
import { describe, expect, it } from "vitest";
import { buildRegistration, commandSize, limits } from "../../../adapters/discord/commands.ts";
import { personId } from "../../../adapters/discord/ids.ts";
import { commands } from "../../../src/commands/registry.ts";
import { FIXTURE_IDS, type Json } from "../harness/discord/index.ts";
import { bodyText, discordSetupPerTest } from "./setup.ts";
import { typedChatInput } from "./typed-command.ts";

const startSetup = discordSetupPerTest();

type Registered = { name: string; type: number; options?: { name: string; type: number; options?: { name: string }[] }[] };

describe("an area with a root of its own on Discord (/election)", () => {
  it("registers /council, /election and the message command, each root within 8000 characters", async () => {
    const setup = await startSetup();
    const [put] = setup.fake.callsTo("PUT", `/applications/:app/guilds/${FIXTURE_IDS.guild}/commands`);
    const body = put!.body as Registered[];
    expect(body.map((c) => c.name)).toEqual(["council", "election", "Add to newsletter"]);
    for (const root of body.filter((c) => c.type === 1)) expect(commandSize(root), `/${root.name}`).toBeLessThanOrEqual(limits.commandSize);
    const [council, election] = body;
    expect(council!.options!.map((o) => o.name)).not.toContain("election");
    expect(election!.options!.map((o) => o.name)).toEqual(expect.arrayContaining(["create", "list", "vote", "results"]));
    expect(election!.options!.every((o) => o.type === 1)).toBe(true);
  });

  it("runs /election create and /election list as the person who typed them", async () => {
    const setup = await startSetup();
    const { fake } = setup;
    await fake.waitForCallback(fake.sendChatInput({ name: "council", group: "group", subcommand: "create", options: { name: "Viestintä" } }));
    const created = await fake.waitForCallback(
      fake.sendChatInput({ name: "election", subcommand: "create", options: { group: "Viestintä", seats: 3, "election-spec": "Hallitus 2027" } }),
    );
    expect(bodyText(created.data)).toContain("Hallitus 2027");
    const listed = await fake.waitForCallback(fake.sendChatInput({ name: "election", subcommand: "list", options: { group: "Viestintä" }, userId: FIXTURE_IDS.memberUser }));
    expect(listed.type).toBe(4);
    expect(bodyText(listed.data)).toContain("Hallitus 2027");
    expect(setup.requests.at(-1)?.identity.externalId).toBe(personId(FIXTURE_IDS.guild, FIXTURE_IDS.memberUser));
  });

  it("offers group names in /election's autocomplete", async () => {
    const setup = await startSetup();
    const { fake } = setup;
    await fake.waitForCallback(fake.sendChatInput({ name: "council", group: "group", subcommand: "create", options: { name: "Viestintä" } }));
    await fake.waitForCallback(fake.sendChatInput({ name: "council", group: "group", subcommand: "create", options: { name: "Talous" } }));
    const choices = await fake.waitForCallback(fake.sendAutocomplete({ name: "election", subcommand: "create", options: { group: "tal" }, focused: "group" }));
    expect(choices.type).toBe(8);
    expect((choices.data as { choices: unknown[] }).choices).toEqual([{ name: "Talous", value: "Talous" }]);
  });

  it("help on Discord names /election vote, the command that exists, not /council election vote", async () => {
    const setup = await startSetup();
    const { fake } = setup;
    const help = await fake.waitForCallback(fake.sendChatInput({ name: "council", subcommand: "help", options: { topic: "election" } }));
    const shown = bodyText(help.data);
    expect(shown).toContain("/election vote");
    expect(shown).not.toContain("/council election");
  });

  it("types the core's /council election line (the contract suite's) where a Discord user finds it: /election", () => {
    const registered = buildRegistration(commands).payloads as unknown as Json[];
    const list = { name: "election", subcommand: "list", options: { group: "Viestintä" } };
    expect(typedChatInput(registered, "/council election list Viestintä")).toEqual(list);
    expect(typedChatInput(registered, "/election list Viestintä")).toEqual(list);
    expect(typedChatInput(registered, "/council group list")).toEqual({ name: "council", group: "group", subcommand: "list", options: {} });
  });
});
