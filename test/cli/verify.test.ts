import { describe, expect, it } from "vitest";
import { runVerify } from "../../src/cli/verify.ts";

async function run(argv: string[], env: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await runVerify(argv, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readFile: async (path) => {
      throw new Error(`no file ${path} here`);
    },
    env,
  });
  return { code, stdout, stderr };
}

describe("verify CLI: its arguments, in the reader's language", () => {
  it("explains itself: usage, the record, every option and an example", async () => {
    const { code, stdout } = await run(["--help"], { DEFAULT_LOCALE: "en" });
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: npm run verify -- [options] <file>");
    expect(stdout).toMatch(/--hash <sha256>\s+the SHA-256 announced in the channel/);
    expect(stdout).toContain("Example: npm run verify -- e7k2m9q-record.json --hash");
  });

  it("refuses a missing record, an unknown option and a --hash without its value, with a correct example and exit code 2", async () => {
    expect(await run([])).toMatchObject({ code: 2, stderr: expect.stringContaining("Anna tarkistettavan vaalipöytäkirjan polku.\nEsimerkki: npm run verify --") });
    expect(await run(["--lang", "sv", "--sha", "abc", "record.json"])).toMatchObject({ code: 2, stderr: expect.stringContaining("Okänt alternativ ”--sha”") });
    expect(await run(["--lang", "en", "record.json", "--hash"])).toMatchObject({ code: 2, stderr: expect.stringContaining("The option --hash needs a value.") });
    expect(await run(["--lang", "en", "a.json", "b.json"])).toMatchObject({ code: 2, stderr: expect.stringContaining("Give only one election record.") });
  });

  it("reads the record only once the arguments hold", async () => {
    expect(await run(["--lang", "en", "record.json"])).toMatchObject({ code: 2, stderr: "cannot read record.json\n" });
  });
});
