import type { Group } from "../core/groups/group.ts";
import type { GroupStore } from "../core/groups/store.ts";
import type { Person } from "../core/people/person.ts";
import type { PeopleStore } from "../core/people/store.ts";

/** Whether the database may have changed since last asked, by a writer this process cannot see. */
export type ChangedElsewhere = () => boolean;

// Senders and groups a bot sees in a day; past this the oldest entry goes.
const capacity = 10_000;

/**
 * Who is asking and which groups there are: every command starts by finding its sender, most
 * then find a group, and through Prisma each look-up cost about as much as the command's own
 * work (issue 14). Only people and groups are kept — never memberships or roles, which every
 * command reads fresh, so a role change holds from the next command on.
 *
 * Everything is forgotten when this process writes (a write transaction ends, committed or not,
 * or a store writes outside one) and when `changedElsewhere` says another process wrote. A
 * look-up under way while something was forgotten is not kept (`generation`), so it cannot bring
 * an old row back.
 */
export class ReadCache {
  private readonly entries = new Map<string, unknown>();
  private generation = 0;

  constructor(private readonly changedElsewhere: ChangedElsewhere) {}

  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.changedElsewhere()) this.forget();
    if (this.entries.has(key)) return this.entries.get(key) as T;
    const started = this.generation;
    const value = await load();
    if (started === this.generation) {
      if (this.entries.size >= capacity) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, value);
    }
    return value;
  }

  forget(): void {
    this.generation += 1;
    this.entries.clear();
  }
}

// Callers get copies: a cached row changed in place by one command would be another's answer.
const personCopy = (person: Person | null) => person && { ...person };
const groupCopy = (group: Group | null) => group && { ...group, rules: { ...group.rules } };

/** Senders found through the cache; a write makes it forget. */
export function cachedPeople(store: PeopleStore, cache: ReadCache): PeopleStore {
  return {
    ...store,
    findByExternalId: async (externalId) => personCopy(await cache.get(`person:${externalId}`, () => store.findByExternalId(externalId))),
    create: (identity) => forgetting(cache, () => store.create(identity)),
    update: (id, patch) => forgetting(cache, () => store.update(id, patch)),
  };
}

/** Groups found by name or id, and a workspace's list, through the cache; a write makes it forget. */
export function cachedGroups(store: GroupStore, cache: ReadCache): GroupStore {
  const writes = ["create", "update", "addMember", "updateMember", "removeMember", "addRequest", "removeRequest"] as const;
  const forgettingWrites = Object.fromEntries(
    writes.map((name) => [name, (...args: unknown[]) => forgetting(cache, () => (store[name] as (...a: unknown[]) => Promise<unknown>)(...args))]),
  ) as Pick<GroupStore, (typeof writes)[number]>;
  return {
    ...store,
    ...forgettingWrites,
    findByName: async (workspaceId, name) => groupCopy(await cache.get(`group:${workspaceId}\u0000${name}`, () => store.findByName(workspaceId, name))),
    findById: async (id) => groupCopy(await cache.get(`group-id:${id}`, () => store.findById(id))),
    // A page of the list is its own entry: the window is part of the key.
    list: async (workspaceId, options) =>
      (await cache.get(`groups:${workspaceId}\u0000${options.includeArchived}\u0000${options.window ? `${options.window.offset}+${options.window.limit}` : "all"}`, () => store.list(workspaceId, options))).map(
        (g) => groupCopy(g)!,
      ),
    count: async (workspaceId, options) => cache.get(`group-count:${workspaceId}\u0000${options.includeArchived}`, () => store.count(workspaceId, options)),
  };
}

async function forgetting<T>(cache: ReadCache, write: () => Promise<T>): Promise<T> {
  cache.forget();
  try {
    return await write();
  } finally {
    cache.forget();
  }
}
