/**
 * What a person sees of a Discord message the bot sent (a callback's data, a webhook body, or a
 * message the fake holds): its text with Discord's markdown rendered away, and the buttons and
 * select options they can press, with the ids Discord sends back when they do. Read from what the
 * platform received, never from the adapter.
 */

/** A button, or one option of a string select, in a message's component rows. */
export interface DiscordControl {
  readonly label: string;
  readonly kind: "button" | "option";
  /** The button's or the select's custom_id. */
  readonly customId: string;
  /** The option's value (selects only). */
  readonly value?: string;
}

type Loose = Record<string, unknown>;

/** Discord markdown as a reader sees it: no bold, italic or code marks, links by their label. */
export function discordPlain(markdown: string): string {
  return markdown
    .replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, "$1")
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/(^|[\s(])[*_](\S(?:[^*_\n]*\S)?)[*_](?=$|[\s).,:;!?])/gm, "$1$2")
    .replace(/`([^`\n]+)`/g, "$1")
    // `-# ` makes a line Discord's small subtext.
    .replace(/^-# /gm, "");
}

/** Content, embed titles, descriptions and fields (name, then value), one per line. */
export function discordText(body: unknown): string {
  const b = (body ?? {}) as { content?: string; embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text?: string } }[] };
  return [b.content ?? "", ...(b.embeds ?? []).flatMap((e) => [e.title ?? "", e.description ?? "", ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? ""])]
    .filter((line) => line !== "" && line !== "\u200b")
    .map(discordPlain)
    .join("\n");
}

/** The buttons and string-select options of a message's component rows, in order. */
export function discordControls(body: unknown): DiscordControl[] {
  const rows = ((body ?? {}) as { components?: Loose[] }).components ?? [];
  const controls: DiscordControl[] = [];
  for (const row of rows) {
    for (const component of (row.components as Loose[] | undefined) ?? []) {
      if (component.type === 2 && typeof component.custom_id === "string") {
        controls.push({ label: String(component.label ?? ""), kind: "button", customId: component.custom_id });
      } else if (component.type === 3 && typeof component.custom_id === "string") {
        for (const option of (component.options as Loose[] | undefined) ?? []) {
          controls.push({ label: String(option.label ?? ""), kind: "option", customId: component.custom_id, value: String(option.value ?? "") });
        }
      }
    }
  }
  return controls;
}

/** A modal as the bot showed it (callback type 9): its title, custom_id and text inputs' custom_ids. */
export interface DiscordForm {
  readonly title: string;
  readonly customId: string;
  readonly inputs: readonly { readonly customId: string; readonly label: string }[];
}

export function discordForm(data: unknown): DiscordForm {
  const d = (data ?? {}) as { title?: string; custom_id?: string; components?: Loose[] };
  const inputs: { customId: string; label: string }[] = [];
  for (const top of d.components ?? []) {
    // Newer modals wrap each input in a Label (type 18); older ones in action rows (type 1).
    const children = top.type === 18 ? [top.component as Loose] : ((top.components as Loose[] | undefined) ?? []);
    for (const child of children) {
      if (child?.type === 4 && typeof child.custom_id === "string") inputs.push({ customId: child.custom_id, label: String(top.label ?? child.label ?? "") });
    }
  }
  return { title: d.title ?? "", customId: d.custom_id ?? "", inputs };
}
