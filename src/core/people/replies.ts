import type { Translator } from "../../i18n/translate.ts";
import { context, fields, heading, onlyYou } from "../../render/build.ts";
import type { Reply } from "../../render/reply.ts";
import type { Group } from "../groups/group.ts";
import type { Person } from "./person.ts";

export function profileReply(t: Translator, person: Person, groups: readonly Group[]): Reply {
  return onlyYou(
    heading(person.displayName),
    fields(
      [t("people.profile.organisation"), person.organisation ?? "—"],
      [t("people.profile.sector"), person.sector ?? "—"],
      [t("people.profile.municipality"), person.municipality ?? "—"],
      [t("people.profile.language"), person.locale ? t(`language.${person.locale}`) : t("people.profile.default-language")],
      [t("people.profile.groups"), groups.map((g) => g.name).join(", ") || "—"],
    ),
    context(t("people.profile.hint")),
  );
}
