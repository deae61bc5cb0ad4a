import { refuse } from "../shared/refusal.ts";
import type { Stores } from "../shared/unit-of-work.ts";
import { keyFor, newSeal, open, seal, sealedId, sealedLength, shuffled, type BallotSecret, type SealKey, type SealedPayload } from "./ballot-seal.ts";
import type { Election } from "./election.ts";

// The ballot box across an election's life: sealed ballots while voting is open, one anonymous,
// shuffled box from the close on (see ballot-seal.ts for why).

/** Starts the election's seal when voting opens. */
export async function startSeal(stores: Stores, secret: BallotSecret, election: Pick<Election, "id">): Promise<void> {
  await stores.elections.createSeal(election.id, newSeal(secret, election.id).record);
}

async function sealKey(stores: Stores, secret: BallotSecret, election: Pick<Election, "id" | "title">): Promise<SealKey> {
  // An election whose voting opened before ballots were sealed gets its seal with its first sealed ballot.
  const record = (await stores.elections.seal(election.id)) ?? (await stores.elections.ensureSeal(election.id, newSeal(secret, election.id).record));
  const key = keyFor(secret, election.id, record);
  if (!key) refuse("election.ballot-key-unavailable", { title: election.title });
  return key;
}

/** Seals the ballot and stores it; called in the transaction that claims the voter's roll entry. */
export async function castSealed(stores: Stores, secret: BallotSecret, election: Pick<Election, "id" | "title">, candidateCount: number, payload: SealedPayload): Promise<void> {
  const key = await sealKey(stores, secret, election);
  await stores.elections.addSealedBallot(election.id, sealedId(), seal(key, payload, sealedLength(candidateCount)));
}

/**
 * Opens every sealed ballot, writes them with any box rows already there (ballots cast before
 * sealing existed) as one shuffled box, and destroys the sealed rows and the seal — all in the
 * closing transaction, so the box appears in one commit with nothing of the voters in it.
 * `counted` decides which opened ballots go in (a deputy's stand-in ballot may not).
 */
export async function openBallotBox(
  stores: Stores,
  secret: BallotSecret,
  election: Pick<Election, "id" | "title">,
  counted: (ballots: readonly SealedPayload[]) => readonly SealedPayload[],
): Promise<void> {
  const sealedRows = await stores.elections.sealedBallots(election.id);
  let opened: SealedPayload[] = [];
  if (sealedRows.length > 0) {
    // A secret that does not open them refuses the close: the ballots stay sealed, none is lost.
    const key = await sealKey(stores, secret, election);
    opened = sealedRows.map((row) => open(key, row));
  }
  const earlier = await stores.elections.ballots(election.id);
  const box = shuffled([...earlier, ...counted(opened).map(({ receipt, choices }) => ({ receipt, choices }))]);
  await stores.elections.destroySeal(election.id);
  await stores.elections.writeBallotBox(election.id, box);
}
