import type { Person, PersonIdentity } from "./person.ts";

export type PersonPatch = Partial<Pick<Person, "displayName" | "organisation" | "sector" | "municipality" | "locale">>;

export interface PeopleStore {
  /** null when nobody with that id has used the bot yet. */
  findByExternalId(externalId: string): Promise<Person | null>;
  findById(id: string): Promise<Person | null>;
  /** Everyone but `exceptId` whose name is the same as `name` or looks like it (namesConfusable), first known first. */
  lookAlikes(name: string, exceptId: string): Promise<Person[]>;
  create(identity: PersonIdentity): Promise<Person>;
  update(id: string, patch: PersonPatch): Promise<Person>;
}
