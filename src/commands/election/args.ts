import { z } from "zod";
import { criterionMaxLength, deputyModeSchema, electionTitleMaxLength } from "../../core/elections/election.ts";
import type { ArgMeta } from "../args.ts";

/** An election's short id ("e7k2m9q"), as `election list` shows it. */
export const electionId = () => z.string().trim().toLowerCase().regex(/^e[a-z0-9]{3,20}$/).meta({ kind: "text" } satisfies ArgMeta);
export const seats = () => z.coerce.number().int().min(1).max(99);
export const electionSpec = () =>
  z.string().trim().min(1).max(electionTitleMaxLength + 20).meta({ kind: "text", rest: true } satisfies ArgMeta);
export const sector = () => z.string().trim().min(1).max(80).meta({ kind: "text" } satisfies ArgMeta);
export const maxSeats = () => z.coerce.number().int().min(0).max(99);
export const criterion = () => z.string().trim().min(1).max(criterionMaxLength).meta({ kind: "long-text", rest: true } satisfies ArgMeta);
export const deputyMode = () => deputyModeSchema;
export const choices = () => z.string().trim().min(1).max(1000).meta({ kind: "text", rest: true } satisfies ArgMeta);
