import type { Presentation } from "../../i18n/presentation.ts";
import { context, fields, heading, onlyYou } from "../../render/build.ts";
import type { Reply } from "../../render/reply.ts";
import type { Group } from "../groups/group.ts";
import type { Person } from "./person.ts";

export function profileReply(p: Presentation, person: Person, groups: readonly Group[]): Reply {
  return onlyYou(
    heading(person.displayName),
    fields(
      [p.t("people.profile.organisation"), person.organisation ?? "—"],
      [p.t("people.profile.sector"), person.sector ?? "—"],
      [p.t("people.profile.municipality"), person.municipality ?? "—"],
      [p.t("people.profile.language"), person.locale ? p.t(`language.${person.locale}`) : p.t("people.profile.default-language")],
      [p.t("people.profile.groups"), groups.map((g) => g.name).join(", ") || "—"],
    ),
    context(p.t("people.profile.hint")),
  );
}
