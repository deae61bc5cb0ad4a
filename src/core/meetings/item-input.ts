import { refuse } from "../shared/refusal.ts";
import { splitAtDashes } from "../shared/title-text.ts";
import { agendaTextMaxLength, agendaTitleMaxLength } from "./meeting.ts";
import type { ItemInput } from "./agenda-service.ts";

const url = /(https?:\/\/\S+)\s*$/;

/**
 * `Otsikko -- vapaa teksti https://linkki` → title, text and link: one line a phone user can type.
 * Without ` -- ` (or a phone's ` — `) the whole line is the title (a trailing link is still taken
 * as the link).
 */
export function parseItemInput(content: string): ItemInput {
  const split = splitAtDashes(content.trim());
  let title = split ? split.head : content.trim();
  let body = split?.rest ?? "";
  let link: string | null = null;
  const source = body || title;
  const found = url.exec(source);
  if (found?.[1]) {
    link = found[1];
    if (body) body = body.slice(0, found.index).trim();
    else title = title.slice(0, found.index).trim();
  }
  if (!title) refuse("agenda.title-missing");
  if (title.length > agendaTitleMaxLength) refuse("agenda.title-too-long", { maximum: agendaTitleMaxLength });
  if (body.length > agendaTextMaxLength) refuse("agenda.text-too-long", { maximum: agendaTextMaxLength });
  return { title, text: body || null, link };
}
