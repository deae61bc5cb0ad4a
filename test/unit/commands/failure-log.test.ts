import { z } from "zod";
import { describe, expect, it } from "vitest";
import { defineCommand } from "../../../src/commands/define.ts";
import { commandNamed, failureFields } from "../../../src/commands/failure-log.ts";
import { commands } from "../../../src/commands/registry.ts";
import { loggedError } from "../../../src/core/shared/logged-error.ts";

const reply = async () => ({ visibility: "only-you" as const, blocks: [] });
const plain = defineCommand({ path: ["group", "rename"], args: z.object({ group: z.string(), name: z.string() }), sideEffects: true, run: reply });
const optedIn = defineCommand({ ...plain, log: { args: ["group"] } });

describe("what a failed command logs", () => {
  it("ballot commands are secret: no arguments, no error message", () => {
    for (const path of ["election vote", "election ballot"]) {
      const command = commandNamed(commands, `${path} e5hd 1 2 3 --confirm`);
      expect(command?.log).toBe("secret");
      const fields = JSON.stringify(failureFields(command, { election: "e5hd", choices: "1 2 3" }, new Error("ballot 1 2 3 refused", { cause: new Error("row [1,2,3]") })));
      expect(fields).toContain(`"command":"${path}"`);
      expect(fields).not.toMatch(/1 2 3|\[1,2,3\]|e5hd/);
    }
  });

  it("other commands log only the arguments they opt into, blanked in the error's message otherwise", () => {
    const error = new Error("cannot rename Viestintä to Salainen nimi");
    expect(failureFields(plain, { group: "Viestintä", name: "Salainen nimi" }, error)).toMatchObject({
      command: "group rename",
      err: { type: "Error", message: "cannot rename […] to […]" },
    });
    expect(failureFields(optedIn, { group: "Viestintä", name: "Salainen nimi" }, error)).toMatchObject({
      args: { group: "Viestintä" },
      err: { message: "cannot rename Viestintä to […]" },
    });
  });

  it("an unknown line logs as unknown, never its words", () => {
    expect(failureFields(commandNamed(commands, "vote e5hd 1 2"), {}, new Error("x 1 2"))).toEqual({ command: "unknown", err: expect.not.objectContaining({ message: expect.anything() }) });
  });

  it("an error keeps its kind, code and frames, never its other properties", () => {
    const sdkError = Object.assign(new Error("Invalid Form Body"), { code: 50035, requestBody: { json: { content: "Kuittisi: AB12-CD34" } } });
    const logged = loggedError(sdkError);
    expect(logged).toMatchObject({ type: "Error", code: 50035, message: "Invalid Form Body" });
    expect(JSON.stringify(logged)).not.toContain("AB12-CD34");
  });
});
