import { channelId } from "./ids.ts";

/**
 * Slack's slash command text → the typed line the dispatcher parses.
 *  - `<#C123|name>` / `<#C123>` → the encoded channel id (so `group link-channel X #kanava` works);
 *  - `<@U123|name>` → `<@U123>`: the person reference the PersonDirectory resolves (the label may
 *    hold spaces, which would split the argument, and says nothing the id does not);
 *  - `<https://x|label>` / `<mailto:…>` → the bare URL;
 *  - `&amp;`, `&lt;`, `&gt;` back to characters.
 */
export function commandText(team: string, text: string): string {
  const rewritten = text
    .replace(/<#([CG][A-Z0-9]+)(?:\|[^>]*)?>/g, (_all, id: string) => channelId(team, id))
    .replace(/<@([UW][A-Z0-9]+)\|[^>]*>/g, "<@$1>")
    .replace(/<((?:https?|mailto):[^|>]+)(?:\|[^>]*)?>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
  // A bare `/council` is a question: what can I do? The same as `/council help`.
  return rewritten === "" ? "help" : rewritten;
}

export const userMention = /^<@([UW][A-Z0-9]+)(?:\|([^>]*))?>$/;

