import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt } from "node:crypto";
import { z } from "zod";
import type { StoredBallot } from "./election.ts";

/**
 * Sealed ballots. A vote writes the voter's roll entry and the ballot in one transaction, so
 * whoever holds a copy of the database (a backup, SQLite's -wal file, PostgreSQL's system columns)
 * can see which row arrived with which voter. What arrives with the voter is therefore sealed:
 * receipt and choices encrypted (AES-256-GCM) under a key derived from the bot's secret (kept
 * outside the database) and a per-election salt (inside it), and padded to one length per election
 * so that not even the length tells a short ranking from a long one. At close the ballots are opened,
 * shuffled and written as the anonymous box in one transaction; the sealed rows and the salt are
 * deleted, and with them every way to open what older copies of the database hold.
 */

/** The bot's secret: at least 32 random bytes, from BALLOT_SECRET or the ballot key file. */
export type BallotSecret = Buffer;
export const minimumSecretBytes = 32;

/** What the store keeps of an election's key while voting is open. */
export interface SealRecord {
  readonly salt: string;
  readonly check: string;
}

export interface SealKey {
  readonly electionId: string;
  readonly key: Buffer;
}

const checkLabel = "council-bot ballot key check";

export function deriveKey(secret: BallotSecret, electionId: string, salt: string): SealKey {
  const key = Buffer.from(hkdfSync("sha256", secret, Buffer.from(salt, "base64"), `council-bot ballot seal v1 ${electionId}`, 32));
  return { electionId, key };
}

const checkOf = (key: SealKey): string => createHmac("sha256", key.key).update(checkLabel).digest("base64");

/** A new election key: the salt and check the store keeps, and the key itself. */
export function newSeal(secret: BallotSecret, electionId: string): { record: SealRecord; key: SealKey } {
  const salt = randomBytes(32).toString("base64");
  const key = deriveKey(secret, electionId, salt);
  return { record: { salt, check: checkOf(key) }, key };
}

/** The election's key, or null when the bot's secret is not the one voting opened with. */
export function keyFor(secret: BallotSecret, electionId: string, record: SealRecord): SealKey | null {
  const key = deriveKey(secret, electionId, record.salt);
  return checkOf(key) === record.check ? key : null;
}

/**
 * Every ballot of an election is padded to this many bytes before sealing: room for every
 * candidate ranked, the receipt and a seat id. One length per election, so lengths say nothing.
 */
export const sealedLength = (candidateCount: number): number => 256 * Math.ceil((160 + 8 * candidateCount) / 256);

/** A ballot inside its seal: the published part, and the seat a deputy's ballot stands in for. */
export const sealedPayloadSchema = z.object({
  receipt: z.string(),
  choices: z.union([
    z.object({ kind: z.literal("candidates"), numbers: z.array(z.number().int()) }),
    z.object({ kind: z.literal("yes-no"), answer: z.enum(["yes", "no", "abstain"]) }),
  ]),
  standInFor: z.string().nullable().default(null),
});
export type SealedPayload = StoredBallot & { readonly standInFor: string | null };

const nonceBytes = 12;
const tagBytes = 16;

export function seal(key: SealKey, payload: SealedPayload, length: number): string {
  const json = Buffer.from(JSON.stringify(payload), "utf8");
  if (json.length > length) throw new Error(`ballot of ${json.length} bytes does not fit the election's sealed length ${length}`);
  const padded = Buffer.concat([json, Buffer.alloc(length - json.length, 0x20)]);
  const nonce = randomBytes(nonceBytes);
  const cipher = createCipheriv("aes-256-gcm", key.key, nonce);
  // The election id is authenticated with the ballot: a sealed row copied into another election does not open.
  cipher.setAAD(Buffer.from(key.electionId, "utf8"));
  const body = Buffer.concat([cipher.update(padded), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]).toString("base64");
}

export function open(key: SealKey, sealed: string): SealedPayload {
  const bytes = Buffer.from(sealed, "base64");
  const nonce = bytes.subarray(0, nonceBytes);
  const tag = bytes.subarray(bytes.length - tagBytes);
  const decipher = createDecipheriv("aes-256-gcm", key.key, nonce);
  decipher.setAAD(Buffer.from(key.electionId, "utf8"));
  decipher.setAuthTag(tag);
  const padded = Buffer.concat([decipher.update(bytes.subarray(nonceBytes, bytes.length - tagBytes)), decipher.final()]);
  return sealedPayloadSchema.parse(JSON.parse(padded.toString("utf8").trimEnd()));
}

/** A random id for a sealed row: nothing about the voter, the receipt or the time. */
export const sealedId = (): string => randomBytes(16).toString("hex");

/** Fisher–Yates with the system's cryptographic generator: the box's order says nothing. */
export function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
