import { z } from "zod";
import { describe, expect, it } from "vitest";
import { defineCommand } from "../../../src/commands/define.ts";
import { commands } from "../../../src/commands/registry.ts";

const reply = async () => ({ visibility: "only-you" as const, blocks: [] });

describe("a command's grammar is built when first needed", () => {
  it("given args as a function, when the command is defined, then the grammar is not built until it is read, and only once", () => {
    let built = 0;
    const command = defineCommand({
      path: ["group", "info"],
      args: () => {
        built += 1;
        return z.object({ group: z.string() });
      },
      sideEffects: false,
      run: reply,
    });
    expect(built).toBe(0);
    const first = command.args;
    expect(command.args).toBe(first);
    expect(built).toBe(1);
    expect(first.safeParse({ group: "Viestintä" }).success).toBe(true);
  });

  it("given a defined command, when it is copied with a spread, then the copy has the same grammar", () => {
    const command = defineCommand({ path: ["group", "info"], args: () => z.object({ group: z.string() }), sideEffects: false, run: reply });
    const copy = defineCommand({ ...command, log: { args: ["group"] } });
    expect(copy.args).toBe(command.args);
  });

  it("given a schema rather than a function, then it is kept as it is", () => {
    const schema = z.object({ group: z.string() });
    expect(defineCommand({ path: ["group", "info"], args: schema, sideEffects: false, run: reply }).args).toBe(schema);
  });

  it("every command of the registry builds its grammar, a zod object, when it is read", () => {
    for (const command of commands) expect(command.args).toBeInstanceOf(z.ZodObject);
  });
});
