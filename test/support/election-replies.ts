import type { Store } from "../../src/store/open-store.ts";

/** The election id a reply names (`e…` in backticks). */
export const idIn = (reply: string): string => {
  const id = /`(e[a-z0-9]+)`/.exec(reply)?.[1];
  if (!id) throw new Error(`no election id in: ${reply}`);
  return id;
};

/** The receipt a vote's reply gives the voter. */
export const receiptIn = (reply: string): string => {
  const receipt = /`([A-Z0-9]{4}-[A-Z0-9]{4})`/.exec(reply)?.[1];
  if (!receipt) throw new Error(`no receipt in: ${reply}`);
  return receipt;
};

/** Ballots cast: sealed while voting is open, in the anonymous box once it has closed. */
export const ballotCount = async (store: Store, id: string): Promise<number> =>
  (await store.uow.read.elections.sealedBallots(id)).length + (await store.uow.read.elections.ballots(id)).length;
