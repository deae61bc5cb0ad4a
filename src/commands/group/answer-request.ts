import { z } from "zod";
import { done } from "../done.ts";
import { groupName, personRef } from "../args.ts";
import { defineCommand } from "../define.ts";
import { requesterNamed } from "./requester.ts";

/** `group accept` and `group decline`: an officer's answer to a membership request. */
const answerRequest = (answer: "accept" | "decline") =>
  defineCommand({
    path: ["group", answer],
    args: () => z.object({ group: groupName(), person: personRef() }),
    sideEffects: true,
    async run(ctx, args) {
      const { inv, services, p } = ctx;
      // Reading the requests checks the permission before anyone is looked up on the platform.
      const { requests } = await services.groups.requests.list(inv, args.group);
      const person = await requesterNamed(ctx, requests, args.person);
      const group = await services.groups.requests[answer](inv, args.group, person);
      return done(p, answer === "accept" ? "groups.request.you-accepted" : "groups.request.you-declined", { person: person.displayName, name: group.name });
    },
  });

export const groupAccept = answerRequest("accept");
export const groupDecline = answerRequest("decline");
