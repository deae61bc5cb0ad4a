import type { CommandDefinition } from "../define.ts";
import { minutesAdopt } from "./adopt.ts";
import { minutesApprove } from "./approve.ts";
import { minutesEdit } from "./edit.ts";
import { minutesFix } from "./fix.ts";
import { minutesShow } from "./show.ts";

/** The minutes after the meeting (§31), in the order help lists them. */
export const minutesCommands: readonly CommandDefinition[] = [minutesShow, minutesEdit, minutesFix, minutesApprove, minutesAdopt];
