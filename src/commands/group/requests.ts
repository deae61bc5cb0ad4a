import { z } from "zod";
import { requestsReply } from "../../core/groups/replies.ts";
import { groupName, pageArg } from "../args.ts";
import { defineCommand } from "../define.ts";

export const groupRequests = defineCommand({
  path: ["group", "requests"],
  args: () => z.object({ group: groupName(), page: pageArg() }),
  sideEffects: false,
  async run({ inv, services, p }, args) {
    const { group, requests } = await services.groups.requests.list(inv, args.group);
    return requestsReply(p, group, requests, args.page);
  },
});
