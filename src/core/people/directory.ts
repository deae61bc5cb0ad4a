import type { PersonIdentity } from "./person.ts";

/**
 * The adapter's way of turning what a user typed to name somebody (a mention, a user option,
 * a console name) into an identity. Returns null when the platform knows nobody by that reference.
 */
export interface PersonDirectory {
  resolve(reference: string): Promise<PersonIdentity | null>;
}
