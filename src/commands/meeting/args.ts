import { z } from "zod";
import type { ArgMeta } from "../args.ts";

export const meetingNumber = () => z.coerce.number().int().min(1).max(100_000);
export const itemNumber = () => z.coerce.number().int().min(1).max(1000);
/** "3.12.2026 14:00 Maakuntasali" or "2026-12-03 klo 14 https://meet…": date, time, then place. */
export const whenAndPlace = () => z.string().trim().min(1).max(300).meta({ kind: "text", rest: true } satisfies ArgMeta);
export const voteCount = () => z.coerce.number().int().min(0).max(10_000);
