import { z } from "zod";
import { done } from "../done.ts";
import { defineCommand } from "../define.ts";

/** What a confirmation's cancel button runs: an answer, and no change. */
export const cancel = defineCommand({
  path: ["cancel"],
  args: () => z.object({}),
  sideEffects: false,
  hidden: true,
  async run({ p }) {
    return done(p, "common.cancelled");
  },
});
