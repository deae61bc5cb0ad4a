import { z } from "zod";
import { defineCommand } from "../define.ts";
import { done } from "../done.ts";

/** `profile verify 123456`: confirms the address `profile set email` mailed the code to. */
export const profileVerify = defineCommand({
  path: ["profile", "verify"],
  args: () => z.object({ code: z.string().trim().regex(/^\d{6}$/) }),
  sideEffects: true,
  async run({ inv, p, services }, { code }) {
    return done(p, "mail.email-confirmed", await services.mail.verify(inv, code));
  },
});
