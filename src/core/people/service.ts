import type { Locale } from "../../i18n/locale.ts";
import { recordChange } from "../audit/record.ts";
import type { Clock } from "../shared/clock.ts";
import type { Invocation } from "../shared/invocation.ts";
import { refuse } from "../shared/refusal.ts";
import { listedSector } from "../sectors/service.ts";
import type { Stores, UnitOfWork } from "../shared/unit-of-work.ts";
import type { PersonDirectory } from "./directory.ts";
import { checkChosenName, cleanSuppliedName } from "./names.ts";
import type { Person, PersonIdentity, ProfileField } from "./person.ts";
import type { PersonPatch } from "./store.ts";

const fieldColumn: Record<ProfileField, keyof PersonPatch> = {
  name: "displayName",
  organisation: "organisation",
  sector: "sector",
  municipality: "municipality",
};

export class PeopleService {
  constructor(private readonly deps: { uow: UnitOfWork; clock: Clock }) {}

  /** The person behind a platform identity; registered on first contact. */
  async ensure(identity: PersonIdentity): Promise<Person> {
    const existing = await this.deps.uow.read.people.findByExternalId(identity.externalId);
    if (existing) return existing;
    try {
      return await this.deps.uow.run(async (stores) => {
        // Another request may have registered them in the meantime.
        // A platform's name cannot be refused, only cleaned; a name of nothing but hidden characters
        // leaves the handle, until the person chooses a name (profile set name).
        const displayName = cleanSuppliedName(identity.displayName) || identity.externalId;
        return (await stores.people.findByExternalId(identity.externalId)) ?? stores.people.create({ externalId: identity.externalId, displayName });
      });
    } catch (error) {
      // A person's first two commands at once: on PostgreSQL both transactions may miss the other's
      // row, and the second insert breaks the unique id. The first one's person is theirs.
      const registered = await this.deps.uow.read.people.findByExternalId(identity.externalId);
      if (registered) return registered;
      throw error;
    }
  }

  /** Somebody named in a command: a mention, a user option or a console name. */
  async resolve(directory: PersonDirectory, reference: string): Promise<Person> {
    const identity = await directory.resolve(reference);
    if (!identity) refuse("person.not-found", { reference });
    return this.ensure(identity);
  }

  async setLocale(inv: Invocation, locale: Locale): Promise<Person> {
    return this.update(inv, { locale });
  }

  async setProfileField(inv: Invocation, field: ProfileField, value: string): Promise<Person> {
    const cleared = value.trim() === "-" || value.trim() === "";
    if (field === "name") return this.rename(inv, cleared ? "" : value);
    // A sector comes from the council's list, in the list's spelling, so that quotas meet it.
    const stored = cleared ? null : field === "sector" ? (await listedSector(this.deps.uow.read, inv.workspaceId, value, "profile")).name : value.trim();
    return this.update(inv, { [fieldColumn[field]]: stored });
  }

  /** Platform handles of people (by person id), shown where confusable names must be told apart. */
  async handles(personIds: readonly string[]): Promise<Map<string, string>> {
    const people = await Promise.all([...new Set(personIds)].map((id) => this.deps.uow.read.people.findById(id)));
    return new Map(people.flatMap((p) => (p ? [[p.id, p.externalId] as const] : [])));
  }

  /** A name the person chooses: visible characters only, and not one another person already looks like. */
  private rename(inv: Invocation, value: string): Promise<Person> {
    const checked = checkChosenName(value);
    if (!checked.ok && checked.reason === "empty") refuse("person.name-required");
    if (!checked.ok) refuse("person.name-hidden-characters", { characters: checked.characters });
    const name = checked.name;
    return this.update(inv, { displayName: name }, async (stores) => {
      const alike = await stores.people.lookAlikes(name, inv.actor.person.id);
      const key = (n: string) => n.normalize("NFC").toLocaleLowerCase("fi");
      const same = alike.find((p) => key(p.displayName) === key(name));
      if (same) refuse("person.name-taken", { name: same.displayName });
      if (alike[0]) refuse("person.name-confusable", { given: name, name: alike[0].displayName });
    });
  }

  private update(inv: Invocation, patch: PersonPatch, check?: (stores: Stores) => Promise<void>): Promise<Person> {
    const me = inv.actor.person;
    return this.deps.uow.run(async (stores) => {
      await check?.(stores);
      const updated = await stores.people.update(me.id, patch);
      const before = Object.fromEntries(Object.keys(patch).map((k) => [k, me[k as keyof PersonPatch]]));
      await recordChange(
        stores,
        this.deps.clock,
        inv,
        "person.profile-changed",
        { type: "person", id: me.id, groupId: null },
        { before, after: patch },
      );
      return updated;
    });
  }
}
