import type { Clock } from "../shared/clock.ts";
import type { Invocation } from "../shared/invocation.ts";
import type { Stores } from "../shared/unit-of-work.ts";
import type { AuditAction } from "./event.ts";

export interface AuditSubject {
  readonly type: string;
  readonly id: string;
  readonly groupId: string | null;
}

/** Records one change made by the invoking person; call it inside the unit of work that makes it. */
export function recordChange(
  stores: Stores,
  clock: Clock,
  inv: Invocation,
  action: AuditAction,
  subject: AuditSubject,
  change: { before?: unknown; after?: unknown },
): Promise<void> {
  return stores.audit.record({
    at: clock.now(),
    actorId: inv.actor.person.id,
    action,
    subjectType: subject.type,
    subjectId: subject.id,
    groupId: subject.groupId,
    before: change.before ?? null,
    after: change.after ?? null,
  });
}
