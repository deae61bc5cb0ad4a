import type { Locale } from "../../i18n/locale.ts";
import { recordChange } from "../audit/record.ts";
import type { Clock } from "../shared/clock.ts";
import type { Invocation } from "../shared/invocation.ts";
import { refuse } from "../shared/refusal.ts";
import { listedSector } from "../sectors/service.ts";
import type { UnitOfWork } from "../shared/unit-of-work.ts";
import type { PersonDirectory } from "./directory.ts";
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
    return this.deps.uow.run(async (stores) => {
      // Another request may have registered them in the meantime.
      return (await stores.people.findByExternalId(identity.externalId)) ?? stores.people.create(identity);
    });
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
    if (field === "name" && cleared) refuse("person.name-required");
    // A sector comes from the council's list, in the list's spelling, so that quotas meet it.
    const stored = cleared ? null : field === "sector" ? (await listedSector(this.deps.uow.read, inv.workspaceId, value, "profile")).name : value.trim();
    return this.update(inv, { [fieldColumn[field]]: stored });
  }

  private update(inv: Invocation, patch: PersonPatch): Promise<Person> {
    const me = inv.actor.person;
    return this.deps.uow.run(async (stores) => {
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
