import type { TestApp } from "./test-app.ts";

/**
 * The working group most meeting tests meet in: Viestintä, linked to #viestinta and chaired by Anna
 * (who founds it), with Maija and Liisa as members and Pekka as Maija's personal deputy.
 */
export async function foundViestinta(app: TestApp): Promise<void> {
  await app.say("Anna", "group create Viestintä");
  await app.dispatcher.runLine(app.request("Anna", "#viestinta"), "group link-channel Viestintä");
  await app.say("Anna", "group add Viestintä Maija");
  await app.say("Anna", "group add Viestintä Liisa");
  await app.say("Anna", "group add Viestintä Pekka deputy");
  await app.say("Anna", "group deputy Viestintä Pekka Maija");
}
