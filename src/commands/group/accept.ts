import { z } from "zod";
import { done } from "../done.ts";
import { groupName, personRef } from "../args.ts";
import { defineCommand } from "../define.ts";
import { requesterNamed } from "./requester.ts";

export const groupAccept = defineCommand({
  path: ["group", "accept"],
  args: z.object({ group: groupName(), person: personRef() }),
  sideEffects: true,
  async run(ctx, args) {
    const { inv, services, t } = ctx;
    // Reading the requests checks the permission before anyone is looked up on the platform.
    const { requests } = await services.groups.requests(inv, args.group);
    const person = await requesterNamed(ctx, requests, args.person);
    const group = await services.groups.accept(inv, args.group, person);
    return done(t, "groups.request.you-accepted", { person: person.displayName, name: group.name });
  },
});
