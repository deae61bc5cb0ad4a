import type { Person } from "../../core/people/person.ts";
import { matchRequest, type RequestView } from "../../core/groups/request.ts";
import type { CommandContext } from "../define.ts";

/**
 * The person an accept or decline names. Buttons carry the requester's platform id and a typed name
 * may be a requester's; anyone else is looked up on the platform (a mention, a user option).
 */
export async function requesterNamed(
  { services, directory }: Pick<CommandContext, "services" | "directory">,
  requests: readonly RequestView[],
  reference: string,
): Promise<Person> {
  const pending = matchRequest(requests, reference);
  if (pending) return services.people.ensure(pending);
  // A button of a request already answered still names its requester by platform id.
  return (await services.groups.requests.personByPlatformId(reference.trim())) ?? services.people.resolve(directory, reference);
}
