import { commands } from "./commands.ts";
import { common } from "./common.ts";
import { digest } from "./digest.ts";
import { discord } from "./discord.ts";
import { elections } from "./elections.ts";
import { groups } from "./groups.ts";
import { meetings } from "./meetings.ts";
import { overview } from "./overview.ts";
import { reminders } from "./reminders.ts";
import { sectors } from "./sectors.ts";
import { slack } from "./slack.ts";
import { system } from "./system.ts";
import { record } from "./record.ts";
import { tally } from "./tally.ts";
import { mail } from "./mail.ts";

export const fi = { ...common, ...meetings, ...commands, ...groups, ...system, ...tally, ...reminders, ...digest, ...elections, ...sectors, ...overview, ...slack, ...discord, ...record, ...mail };
