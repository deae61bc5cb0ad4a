import { z } from "zod";
import { defineCommand } from "../define.ts";
import { done } from "../done.ts";

/** `newsletter unsubscribe anna@example.fi` (every newsletter also carries a one-click link). */
export const newsletterUnsubscribe = defineCommand({
  path: ["newsletter", "unsubscribe"],
  args: () => z.object({ address: z.string().trim().min(3).max(254) }),
  sideEffects: true,
  async run({ inv, p, services }, { address }) {
    return done(p, "newsletter.unsubscribed", await services.mail.unsubscribe(inv, address));
  },
});
