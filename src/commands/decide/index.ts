import type { CommandDefinition } from "../define.ts";
import { decisionAnswer } from "./answer.ts";
import { decisionPrevented } from "./prevented.ts";
import { decide } from "./propose.ts";
import { decisionShow } from "./show.ts";

/** Decisions without a meeting, in the order help lists them. */
export const decisionCommands: readonly CommandDefinition[] = [decide, decisionAnswer, decisionShow, decisionPrevented];
