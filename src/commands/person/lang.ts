import { z } from "zod";
import { done } from "../done.ts";
import { translator } from "../../i18n/translate.ts";
import { locale } from "../args.ts";
import { defineCommand } from "../define.ts";

export const lang = defineCommand({
  path: ["lang"],
  args: z.object({ language: locale() }),
  sideEffects: true,
  async run({ inv, services }, { language }) {
    await services.people.setLocale(inv, language);
    // Answer in the language just chosen: that is the proof it took.
    return done(translator(language), "people.lang-set");
  },
});
