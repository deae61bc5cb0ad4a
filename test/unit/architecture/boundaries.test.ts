import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../../..");
const sourceFiles = (folder: string): string[] =>
  readdirSync(join(root, folder)).flatMap((entry) => {
    const path = join(folder, entry);
    if (statSync(join(root, path)).isDirectory()) return entry === "generated" ? [] : sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
const importsOf = (file: string) =>
  [...readFileSync(join(root, file), "utf8").matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1] ?? "");
const offenders = (files: string[], forbidden: RegExp) =>
  files.flatMap((file) => importsOf(file).filter((spec) => forbidden.test(spec)).map((spec) => `${relative(root, join(root, file))} -> ${spec}`));

describe("architecture boundaries", () => {
  it("the core imports no platform SDK, no Prisma, no store, no adapter", () => {
    expect(offenders(sourceFiles("src/core"), /^(@slack\/|discord\.js|@discordjs\/|@prisma\/|.*generated\/prisma)|\/(store|adapters|schedule)\//)).toEqual([]);
  });
  it("only the store imports Prisma", () => {
    const outside = ["src", "adapters"].flatMap(sourceFiles).filter((f) => !f.startsWith("src/store/"));
    expect(offenders(outside, /^@prisma\/|generated\/prisma/)).toEqual([]);
  });
  it("only an adapter imports its platform's SDK", () => {
    const notSlack = ["src", "adapters"].flatMap(sourceFiles).filter((f) => !f.startsWith("adapters/slack/"));
    const notDiscord = ["src", "adapters"].flatMap(sourceFiles).filter((f) => !f.startsWith("adapters/discord/"));
    expect(offenders(notSlack, /^@slack\//)).toEqual([]);
    expect(offenders(notDiscord, /^(discord\.js|@discordjs\/)/)).toEqual([]);
  });
  it("only the mail adapter imports nodemailer", () => {
    const notMail = ["src", "adapters"].flatMap(sourceFiles).filter((f) => !f.startsWith("adapters/mail/"));
    expect(offenders(notMail, /^nodemailer/)).toEqual([]);
  });
});

describe("configuration", () => {
  it("explains every variable it can refuse, in every language", async () => {
    const { configSchema } = await import("../../../src/config.ts");
    const { catalogues } = await import("../../../src/i18n/catalogues.ts");
    for (const catalogue of Object.values(catalogues)) {
      const missing = Object.keys(configSchema.shape).filter((name) => !(`config.expect.${name}` in catalogue));
      expect(missing).toEqual([]);
    }
  });
});
