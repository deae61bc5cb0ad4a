import { z } from "zod";
import type { ArgMeta } from "../args.ts";

/** A number as people write one that names a thing: `2`, or `#2` (`nro 2` is two words). */
const numbered = <T extends z.ZodType>(schema: T) => z.preprocess((typed) => (typeof typed === "string" ? typed.trim().replace(/^#/, "") : typed), schema);
export const meetingNumber = () => numbered(z.coerce.number().int().min(1).max(100_000));
export const itemNumber = () => numbered(z.coerce.number().int().min(1).max(1000));
/** "3.12.2026 14:00 Maakuntasali" or "2026-12-03 klo 14 https://meet…": date, time, then place. */
export const whenAndPlace = () => z.string().trim().min(1).max(300).meta({ kind: "text", rest: true } satisfies ArgMeta);
export const voteCount = () => z.coerce.number().int().min(0).max(10_000);
