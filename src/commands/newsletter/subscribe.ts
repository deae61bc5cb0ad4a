import { z } from "zod";
import { showTime } from "../../core/shared/show-time.ts";
import { defineCommand } from "../define.ts";
import { done } from "../done.ts";

/** `newsletter subscribe anna@example.fi`: the digest by e-mail; when and how consent was given is recorded. */
export const newsletterSubscribe = defineCommand({
  path: ["newsletter", "subscribe"],
  args: () => z.object({ address: z.string().trim().min(3).max(254) }),
  sideEffects: true,
  async run({ inv, p, services }, { address }) {
    const subscription = await services.mail.subscribe(inv, address);
    return done(p, "newsletter.subscribed", { address: subscription.address, when: showTime(p, "weekdayDateTime", subscription.consentAt) });
  },
});
