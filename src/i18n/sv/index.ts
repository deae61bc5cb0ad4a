import { commands } from "./commands.ts";
import { common } from "./common.ts";
import { groups } from "./groups.ts";
import { system } from "./system.ts";
import { tally } from "./tally.ts";

export const sv = { ...common, ...commands, ...groups, ...system, ...tally };
