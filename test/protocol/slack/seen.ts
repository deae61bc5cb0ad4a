/**
 * What a person sees of a Block Kit message the bot sent: its text as Slack shows it (mrkdwn
 * rendered away) and the buttons and select options they can press, with what Slack sends back
 * when they do. Read from the blocks as the platform received them, never from the adapter.
 */

/** A button, or one option of a static select, as found in a message's `actions` blocks. */
export interface SlackControl {
  readonly label: string;
  readonly kind: "button" | "option";
  readonly blockId: string | undefined;
  readonly actionId: string;
  /** The button's value, or the option's value. */
  readonly value: string;
}

type Loose = Record<string, unknown>;
const textOf = (value: unknown): string => (value && typeof value === "object" && typeof (value as Loose).text === "string" ? ((value as Loose).text as string) : "");

/** Slack mrkdwn as a reader sees it: links by their label, no emphasis marks, entities decoded. */
export function slackPlain(mrkdwn: string): string {
  return mrkdwn
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, "$2")
    .replace(/<((?:https?|mailto):[^|>]+)>/g, "$1")
    .replace(/(^|[\s(])\*(\S(?:[^*\n]*\S)?)\*(?=$|[\s).,:;!?])/gm, "$1$2")
    .replace(/(^|[\s(])_(\S(?:[^_\n]*\S)?)_(?=$|[\s).,:;!?])/gm, "$1$2")
    .replace(/`([^`\n]+)`/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The text of a message's blocks (headers, sections, fields, context), one line per block; buttons are not text. */
export function slackText(blocks: readonly unknown[] | undefined, fallback = ""): string {
  if (!blocks || blocks.length === 0) return slackPlain(fallback);
  const lines: string[] = [];
  for (const block of blocks as Loose[]) {
    if (block.type === "header" || block.type === "section") {
      if (block.text) lines.push(textOf(block.text));
      if (Array.isArray(block.fields)) lines.push(...block.fields.map(textOf));
    } else if (block.type === "context" && Array.isArray(block.elements)) {
      lines.push(block.elements.map(textOf).join(" "));
    } else if (block.type === "input") {
      lines.push(textOf(block.label));
    }
  }
  return lines.filter(Boolean).map(slackPlain).join("\n");
}

/** The buttons and select options of a message's `actions` blocks, in order. */
export function slackControls(blocks: readonly unknown[] | undefined): SlackControl[] {
  const controls: SlackControl[] = [];
  for (const block of (blocks ?? []) as Loose[]) {
    if (block.type !== "actions" || !Array.isArray(block.elements)) continue;
    const blockId = typeof block.block_id === "string" ? block.block_id : undefined;
    for (const element of block.elements as Loose[]) {
      const actionId = String(element.action_id ?? "");
      if (element.type === "button") {
        controls.push({ label: textOf(element.text), kind: "button", blockId, actionId, value: String(element.value ?? "") });
      } else if (element.type === "static_select") {
        const groups = Array.isArray(element.option_groups) ? (element.option_groups as Loose[]).flatMap((g) => (g.options as Loose[]) ?? []) : [];
        for (const option of [...((element.options as Loose[] | undefined) ?? []), ...groups]) {
          controls.push({ label: textOf(option.text), kind: "option", blockId, actionId, value: String(option.value ?? "") });
        }
      }
    }
  }
  return controls;
}
