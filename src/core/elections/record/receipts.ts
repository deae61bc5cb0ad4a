import { sha256Hex } from "./canonical.ts";

/**
 * What is published of a receipt: SHA-256 of "<election id>:<receipt>", in a list sorted apart from
 * the ballots. The voter, who knows the receipt, can find it and see their ballot was counted; the
 * list says nothing of what any ballot held, so a receipt cannot be used to prove to a buyer or a
 * coercer how one voted. The election id keeps one receipt's hash from matching another election's.
 */
export const receiptHash = (electionId: string, receipt: string): string => sha256Hex(`${electionId}:${receipt}`);

/** The inclusion list: every counted receipt's hash, sorted. */
export const inclusionList = (electionId: string, receipts: readonly string[]): string[] => receipts.map((r) => receiptHash(electionId, r)).sort();
