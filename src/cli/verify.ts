/**
 * Checks a published election record outside the bot:
 *
 *     npm run verify -- e7k2m9q-record.json [--hash <announced sha-256>]
 *
 * Recounts the record's ballots with its method and seed, checks the seed against the hash
 * published when voting opened, the ballots against turnout and the receipt list, and every round,
 * the result and the deputies against the record. Exit codes: 0 verified, 1 the record does not
 * hold (each problem named on stderr), 2 bad option or unreadable file.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { verifyRecord } from "../core/elections/record/verify.ts";
import type { MessageKey } from "../i18n/catalogues.ts";
import { isLocale, type Locale } from "../i18n/locale.ts";
import { translator, type Translator } from "../i18n/translate.ts";
import { helpText, problemParams, readArguments, type ArgumentProblem, type CliOption } from "./arguments.ts";

export interface VerifyIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
  env: Readonly<Record<string, string | undefined>>;
}

const EXIT_VERIFIED = 0;
const EXIT_NOT_VERIFIED = 1;
const EXIT_USAGE = 2;

export async function runVerify(argv: readonly string[], io: VerifyIo): Promise<number> {
  const langAt = argv.indexOf("--lang");
  const asked = langAt >= 0 ? argv[langAt + 1] : io.env.DEFAULT_LOCALE;
  const locale: Locale = isLocale(asked) ? asked : "fi";
  const t = translator(locale);
  const options: CliOption[] = [
    { name: "hash", value: "<sha256>", help: t("verify.cli.hash") },
    { name: "lang", value: "<lang>", help: t("verify.cli.lang") },
  ];
  const read = readArguments(argv, options);
  if (read.kind === "help") {
    const words = { usage: t("verify.cli.usage"), description: t("verify.cli.description"), file: t("verify.cli.file"), help: t("verify.cli.help"), example: t("verify.cli.example") };
    io.stdout(helpText(words, options));
    return EXIT_VERIFIED;
  }
  if (read.kind === "problem" || read.files.length > 1) {
    io.stderr(`${read.kind === "problem" ? refusal(t, read.problem) : t("verify.error.too-many-files")}\n${t("verify.cli.example")}\n`);
    return EXIT_USAGE;
  }
  const [file] = read.files;
  const announced = typeof read.values.hash === "string" ? read.values.hash : undefined;
  let text: string;
  try {
    text = await io.readFile(file);
  } catch {
    io.stderr(`${t("verify.problem.read", { file })}\n`);
    return EXIT_USAGE;
  }
  const result = verifyRecord(text, announced);
  if (result.problems.length > 0) {
    io.stderr(`${t("verify.failed", { count: result.problems.length })}\n${result.problems.map((p) => `  - ${t(p.key, p.params)}\n`).join("")}`);
    return EXIT_NOT_VERIFIED;
  }
  const record = result.record!;
  const names = new Map(record.candidates.map((c) => [String(c.number), c.name]));
  const elected = "elected" in record.count ? record.count.elected.map((id) => names.get(id) ?? id).join(", ") || "—" : record.count.passed ? "✔" : "✘";
  io.stdout(`${t("verify.ok", { id: record.election.id, title: record.election.title, ballots: record.ballots.length, elected, hash: result.hash! })}\n`);
  if (!result.canonical) io.stdout(`${t("verify.noncanonical")}\n`);
  return EXIT_VERIFIED;
}

const refusalKeys: Readonly<Record<ArgumentProblem["kind"], MessageKey>> = {
  "unknown-option": "verify.error.unknown-option",
  "missing-value": "verify.error.missing-value",
  "missing-file": "verify.error.missing-file",
};

const refusal = (t: Translator, problem: ArgumentProblem): string => t(refusalKeys[problem.kind], problemParams(problem));

const nodeIo: VerifyIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: async (path) => readFileSync(path, "utf8"),
  env: process.env,
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runVerify(process.argv.slice(2), nodeIo).then((code) => {
    process.exitCode = code;
  });
}
