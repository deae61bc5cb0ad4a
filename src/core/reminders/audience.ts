/**
 * Who a nudge goes to, by direct message, instead of the group's channel: one person (an action
 * item's owner), or whoever on an election's roll has not voted yet when it falls due, so a
 * voter who votes in between is not nudged.
 */
export type Audience =
  | { readonly kind: "person"; readonly personId: string }
  | { readonly kind: "non-voters"; readonly electionId: string }
  /** Whoever can still answer a decision without a meeting and has not (core/decisions). */
  | { readonly kind: "non-answerers"; readonly decisionId: string };

/** The stored form: "person:<id>" or "non-voters:<electionId>". */
export const audienceColumn = (audience: Audience | null): string | null =>
  audience === null
    ? null
    : audience.kind === "person"
      ? `person:${audience.personId}`
      : audience.kind === "non-voters"
        ? `non-voters:${audience.electionId}`
        : `non-answerers:${audience.decisionId}`;

export function audienceFromColumn(value: string | null): Audience | null {
  if (!value) return null;
  const [kind, id = ""] = value.split(/:(.*)/s);
  if (kind === "person" && id) return { kind: "person", personId: id };
  if (kind === "non-voters" && id) return { kind: "non-voters", electionId: id };
  if (kind === "non-answerers" && id) return { kind: "non-answerers", decisionId: id };
  throw new Error(`unknown reminder audience "${value}"`);
}
