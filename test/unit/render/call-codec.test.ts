import { describe, expect, it } from "vitest";
import { decodeCall, encodeCall } from "../../../src/render/call-codec.ts";
import type { CommandCall } from "../../../src/render/reply.ts";
import { memoryControls } from "../../support/controls.ts";

describe("the call codec", () => {
  const calls: CommandCall[] = [
    { command: "group archive", args: { group: "Viestintä ja media" }, confirmed: true },
    { command: "news add", args: { newsGroup: "A|B&C=D%E", news: `"lainausmerkit" ja 'heittomerkit' --confirm` } },
    { command: "group list", args: { all: true } },
    { command: "group history", args: { group: "~tilde", count: 5 } },
    { command: "election ballot", args: { election: "e7k2m9q", choices: "3 1 12 35" } },
    { command: "election ballot", args: { election: "e7k2m9q", choices: "3 40" } },
    { command: "help", args: {} },
  ];

  it("reads back every call it writes, byte for byte (numbers come back as text, which the schemas read)", () => {
    for (const call of calls) {
      const decoded = decodeCall(encodeCall({ call }));
      const expected = { ...call, args: Object.fromEntries(Object.entries(call.args).map(([k, v]) => [k, v === true ? true : String(v)])) };
      expect(decoded, JSON.stringify(call)).toEqual({ call: expected });
    }
    expect(decodeCall(encodeCall({ call: calls[1]!, fill: "news" }))).toMatchObject({ fill: "news" });
  });

  it("packs a ballot so far into one character a candidate", () => {
    const encoded = encodeCall({ call: { command: "election ballot", args: { election: "e7k2m9q", choices: Array.from({ length: 30 }, (_, i) => i + 1).join(" ") } } });
    expect(encoded.length).toBeLessThanOrEqual(100);
  });

  it("is versioned: ids of another shape or version are not calls", () => {
    expect(decodeCall("council:3f2a.1")).toBeNull();
    expect(decodeCall("2|help|")).toBeNull();
    expect(decodeCall("select:0")).toBeNull();
  });
});

describe("control ids", () => {
  it("carry a call that fits, stand a token for a longer one, and never store a secret command's call", async () => {
    const controls = memoryControls((command) => command === "election vote");
    const short = { command: "group info", args: { group: "Viestintä" } };
    expect(controls.idFor({ call: short }, 100)).toBe(encodeCall({ call: short }));
    const long = { command: "group info", args: { group: "x".repeat(120) } };
    const id = controls.idFor({ call: long }, 100)!;
    expect(id.length).toBeLessThanOrEqual(100);
    expect(controls.idFor({ call: long }, 100)).toBe(id);
    await controls.flush();
    expect((await controls.read(id))?.call).toEqual(long);
    expect(controls.idFor({ call: { command: "election vote", args: { election: "e1234", choices: "x".repeat(200) } } }, 100)).toBeNull();
    expect(await controls.read("t|unknown")).toBeNull();
  });
});

describe("the core's links", () => {
  it("name commands that exist", async () => {
    const { commands } = await import("../../../src/commands/registry.ts");
    const { linkTo } = await import("../../../src/core/shared/links.ts");
    const names = new Set(commands.map((c) => c.path.join(" ")));
    for (const command of ["group accept", "group decline"] as const) expect(names.has(linkTo(command, { group: "g", person: "p" }).command)).toBe(true);
  });
});
