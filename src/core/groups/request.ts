import { z } from "zod";
import { namesConfusable } from "../people/names.ts";

/** A `group join` waiting for an officer, in a group whose joining rule is approval. */
export const membershipRequestSchema = z.object({
  groupId: z.string(),
  personId: z.string(),
  requestedAt: z.date(),
});
export type MembershipRequest = z.infer<typeof membershipRequestSchema>;

export interface RequestView extends MembershipRequest {
  readonly displayName: string;
  /** The requester's platform id: buttons name them by it, so every platform finds them again. */
  readonly externalId: string;
}

/**
 * The pending request a typed or pressed reference names: the platform id a button carries, or a
 * requester's name when only one requester has it. Null leaves it to the platform's directory.
 */
export function matchRequest(requests: readonly RequestView[], reference: string): RequestView | null {
  const wanted = reference.trim();
  const byId = requests.find((r) => r.externalId === wanted);
  if (byId) return byId;
  // Look-alike names count as the same name: two of them leave the choice to the platform's directory.
  const name = wanted.replace(/^@/, "");
  const byName = requests.filter((r) => namesConfusable(r.displayName, name));
  return byName.length === 1 ? byName[0]! : null;
}
