import type { Block, Reply } from "../../src/render/reply.ts";

/** A pressable thing in the console: shown numbered, chosen by typing its number. */
export interface Choice {
  readonly label: string;
  readonly command: string;
}

export interface RenderedText {
  readonly text: string;
  readonly choices: readonly Choice[];
}

// The terminal shows no markdown: *bold* and `code` read better without their marks.
// A bold mark hugs its words (*word*); "0 9 * * 1" is a cron expression, not bold.
const plain = (value: string): string => value.replace(/\*(\S(?:[^*\n]*\S)?)\*/g, "$1").replace(/`([^`\n]+)`/g, "$1");
const indent = (value: string, prefix: string) => value.split("\n").join(`\n${" ".repeat(prefix.length)}`);

function renderBlock(block: Block, choices: Choice[]): string {
  switch (block.type) {
    case "heading":
      return `== ${plain(block.text)} ==`;
    case "text":
      return plain(block.text);
    case "context":
      return `  (${plain(block.text)})`;
    case "divider":
      return "----------------------------------------";
    case "fields":
      return block.fields.map((f) => `${f.label}: ${plain(f.value)}`).join("\n");
    case "list":
      return block.items
        .map((item, i) => {
          const bullet = block.ordered ? `${i + 1}. ` : "- ";
          return bullet + indent(plain(item), bullet);
        })
        .join("\n");
    case "buttons":
      return block.buttons.map((b) => `[${choices.push(b)}] ${b.label}`).join("  ");
    case "select":
      return [
        plain(block.placeholder),
        ...block.options.map((o) => `  [${choices.push(o)}] ${o.label}`),
      ].join("\n");
  }
}

/** Plain text with numbered choices for buttons and selects; attachments are shown in full. */
export function renderReply(reply: Reply): RenderedText {
  const choices: Choice[] = [];
  const parts = reply.blocks.map((block) => renderBlock(block, choices));
  for (const file of reply.attachments ?? []) parts.push(`--- ${file.filename} ---\n${file.content.trimEnd()}\n---`);
  return { text: parts.join("\n"), choices };
}
