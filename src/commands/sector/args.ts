import { z } from "zod";
import { sectorNameMaxLength } from "../../core/sectors/sector-name.ts";
import type { ArgMeta } from "../args.ts";

/** A sector on the list, as one argument (quoted when it has spaces). */
export const sectorRef = () => z.string().trim().min(1).max(sectorNameMaxLength).meta({ kind: "text" } satisfies ArgMeta);
/** A new sector name: the rest of the line, so no quotes are needed. */
export const newSectorName = () => z.string().trim().min(1).max(sectorNameMaxLength).meta({ kind: "text", rest: true, isName: true } satisfies ArgMeta);
