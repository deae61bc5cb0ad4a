import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { minimumSecretBytes, type BallotSecret } from "./core/elections/ballot-seal.ts";

/**
 * The bot's ballot secret: BALLOT_SECRET (base64 or hex, at least 32 bytes) when set, else the key
 * file BALLOT_KEY_FILE, created with 32 random bytes (mode 0600) on first start. Its default place
 * is the user's configuration folder, deliberately not beside the database: a copy of the data
 * folder (a backup) should not carry the key that opens the ballots sealed in it.
 */
export const defaultBallotKeyFile = (): string =>
  join(process.env.XDG_CONFIG_HOME || join(homedir(), ".config"), "council-bot", "ballot.key");

export type SecretResult = { ok: true; secret: BallotSecret; source: string } | { ok: false; reason: "too-short" | "unreadable"; source: string; detail?: string };

const decode = (text: string): Buffer => (/^[0-9a-f]+$/i.test(text) && text.length % 2 === 0 ? Buffer.from(text, "hex") : Buffer.from(text, "base64"));

export function loadBallotSecret(env: { BALLOT_SECRET?: string | undefined; BALLOT_KEY_FILE?: string | undefined }): SecretResult {
  if (env.BALLOT_SECRET) {
    const secret = decode(env.BALLOT_SECRET.trim());
    return secret.length >= minimumSecretBytes ? { ok: true, secret, source: "BALLOT_SECRET" } : { ok: false, reason: "too-short", source: "BALLOT_SECRET" };
  }
  const path = resolve(env.BALLOT_KEY_FILE ?? defaultBallotKeyFile());
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // Written whole beside the key's place, then linked into it: of two bots starting together, one
    // links its key and the other finds the whole file, never a half-written one.
    const draft = `${path}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(draft, `${randomBytes(minimumSecretBytes).toString("base64")}\n`, { flag: "wx", mode: 0o600 });
    try {
      linkSync(draft, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      unlinkSync(draft);
    }
    const secret = decode(readFileSync(path, "utf8").trim());
    return secret.length >= minimumSecretBytes ? { ok: true, secret, source: path } : { ok: false, reason: "too-short", source: path };
  } catch (error) {
    return { ok: false, reason: "unreadable", source: path, detail: error instanceof Error ? error.message : String(error) };
  }
}
