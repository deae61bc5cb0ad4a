import type { Person, PersonIdentity } from "./person.ts";

export type PersonPatch = Partial<Pick<Person, "displayName" | "organisation" | "sector" | "municipality" | "locale">>;

export interface PeopleStore {
  /** null when nobody with that id has used the bot yet. */
  findByExternalId(externalId: string): Promise<Person | null>;
  findById(id: string): Promise<Person | null>;
  /** Everyone the council's bot knows, for telling names apart. */
  all(): Promise<Person[]>;
  create(identity: PersonIdentity): Promise<Person>;
  update(id: string, patch: PersonPatch): Promise<Person>;
}
