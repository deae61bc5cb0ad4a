import { randomInt } from "node:crypto";

const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

/** A short id a person can type on a phone ("r7k2m9q"): a letter for the kind, then six random characters. */
export const shortId = (prefix: string): string =>
  prefix + Array.from({ length: 6 }, () => alphabet[randomInt(alphabet.length)]).join("");
