import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadBallotSecret } from "../../src/ballot-secret.ts";

describe("the ballot secret", () => {
  const folders: string[] = [];
  afterEach(() => folders.splice(0).forEach((f) => rmSync(f, { recursive: true, force: true })));
  const folder = () => {
    const f = mkdtempSync(join(tmpdir(), "council-bot-key-"));
    folders.push(f);
    return f;
  };

  it("is created once in its key file, readable by its owner only, and the same on every later start", () => {
    const path = join(folder(), "nested", "ballot.key");
    const first = loadBallotSecret({ BALLOT_KEY_FILE: path });
    const second = loadBallotSecret({ BALLOT_KEY_FILE: path });
    expect(first.ok && second.ok && first.secret.equals(second.secret)).toBe(true);
    expect(first.ok && first.secret.length).toBe(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, "utf8").trim()).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it("comes from BALLOT_SECRET when set, in hex or base64, and is refused when shorter than 32 bytes", () => {
    const hex = "ab".repeat(32);
    const fromHex = loadBallotSecret({ BALLOT_SECRET: hex, BALLOT_KEY_FILE: join(folder(), "unused.key") });
    expect(fromHex.ok && fromHex.secret.toString("hex")).toBe(hex);
    expect(loadBallotSecret({ BALLOT_SECRET: Buffer.alloc(16, 1).toString("base64") })).toMatchObject({ ok: false, reason: "too-short", source: "BALLOT_SECRET" });
  });

  it("refuses a key file that holds too little, and names it", () => {
    const path = join(folder(), "short.key");
    writeFileSync(path, "c2hvcnQ=\n");
    expect(loadBallotSecret({ BALLOT_KEY_FILE: path })).toMatchObject({ ok: false, reason: "too-short", source: path });
  });
});
