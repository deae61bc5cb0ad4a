import type { Block, CommandCall, Reply } from "../../src/render/reply.ts";

/** A pressable thing in the console: shown with its key in brackets, chosen by typing the key. */
export interface Choice {
  readonly key: string;
  readonly label: string;
  readonly call: CommandCall;
}

export interface RenderedText {
  readonly text: string;
  readonly choices: readonly Choice[];
  /** The reply asks to confirm a step (a ballot, an archive): left unanswered, nothing is done. */
  readonly question: boolean;
}

// The terminal shows no markdown: *bold* and `code` read better without their marks.
// A bold mark hugs its words (*word*); "0 9 * * 1" is a cron expression, not bold.
const plain = (value: string): string => value.replace(/\*(\S(?:[^*\n]*\S)?)\*/g, "$1").replace(/`([^`\n]+)`/g, "$1");
const indent = (value: string, prefix: string) => value.split("\n").join(`\n${" ".repeat(prefix.length)}`);

/** a, b, …, z, aa, ab, … */
const letters = (index: number): string => (index < 26 ? "" : letters(Math.floor(index / 26) - 1)) + String.fromCharCode(97 + (index % 26));

/**
 * Choices are numbered 1, 2, … in order. Options that have numbers of their own (a ballot's
 * candidates) keep those, so typing a candidate's number always chooses that candidate; the
 * buttons beside them then take letters, so no number ever means two things.
 */
function keyer(reply: Reply): (numbered?: number) => string {
  const ownNumbers = reply.blocks.some((b) => b.type === "select" && b.options.some((o) => o.number !== undefined));
  let next = 0;
  return (own) => {
    if (ownNumbers) return own !== undefined ? String(own) : letters(next++);
    next += 1;
    return String(next);
  };
}

function renderBlock(block: Block, choose: (label: string, call: CommandCall, own?: number) => string): string {
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
      return block.buttons.map((b) => `[${choose(b.label, b.call)}] ${b.label}`).join("  ");
    case "select":
      return [plain(block.placeholder), ...block.options.map((o) => `  [${choose(o.label, o.call, o.number)}] ${o.label}`)].join("\n");
  }
}

/** Plain text with keyed choices for buttons and selects; attachments are shown in full. */
export function renderReply(reply: Reply): RenderedText {
  const choices: Choice[] = [];
  const nextKey = keyer(reply);
  const choose = (label: string, call: CommandCall, own?: number) => {
    const key = nextKey(own);
    choices.push({ key, label, call });
    return key;
  };
  const parts = reply.blocks.map((block) => renderBlock(block, choose));
  for (const file of reply.attachments ?? []) parts.push(`--- ${file.filename} ---\n${file.content.trimEnd()}\n---`);
  const question = reply.blocks.some((block) => block.type === "buttons" && block.buttons.some((button) => button.style === "danger"));
  return { text: parts.join("\n"), choices, question };
}
