import { z } from "zod";
import { done } from "../done.ts";
import { presentation } from "../../i18n/presentation.ts";
import { locale } from "../args.ts";
import { defineCommand } from "../define.ts";

export const lang = defineCommand({
  path: ["lang"],
  args: () => z.object({ language: locale() }),
  sideEffects: true,
  async run({ inv, services, p }, { language }) {
    await services.people.setLocale(inv, language);
    // Answer in the language just chosen: that is the proof it took.
    return done(presentation(language, p.timeZone), "people.lang-set");
  },
});
