/**
 * Discord ids are snowflakes: milliseconds since the Discord epoch (2015-01-01) shifted left by
 * 22 bits, plus worker/process/increment bits. discord.js derives `createdTimestamp` from them,
 * so generated ids are real snowflakes (created "now") rather than arbitrary digit strings.
 */
const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

export function nextSnowflake(at: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

/**
 * Fixed ids for the default world, so tests can name them without looking them up. They are
 * valid snowflakes from 2024-01-01 (timestamp 1704067200000) with distinct increments.
 */
function fixed(n: number): string {
  return (((1_704_067_200_000n - DISCORD_EPOCH) << 22n) | BigInt(n)).toString();
}

export const FIXTURE_IDS = {
  application: fixed(1),
  /** Discord gives a bot user the same id as its application. */
  bot: fixed(1),
  guild: fixed(10),
  /** The @everyone role always has the guild's id. */
  everyoneRole: fixed(10),
  adminRole: fixed(11),
  memberRole: fixed(12),
  workingGroupsCategory: fixed(20),
  generalChannel: fixed(21),
  councilChannel: fixed(22),
  announcementsChannel: fixed(23),
  chairUser: fixed(30),
  memberUser: fixed(31),
  otherUser: fixed(32),
} as const;
