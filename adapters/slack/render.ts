import type { types } from "@slack/bolt";
import type { Locale } from "../../src/i18n/locale.ts";
import type { Controls } from "../../src/render/controls.ts";
import type { Attachment, Block, Reply } from "../../src/render/reply.ts";
import { say } from "./say.ts";

/** Block Kit limits this renderer stays within (https://api.slack.com/reference/block-kit). */
export const limits = {
  blocksPerMessage: 50,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  elementsPerActions: 25,
  optionsPerSelect: 100,
  buttonText: 75,
  optionText: 75,
  placeholderText: 150,
  headerText: 150,
  buttonValue: 2000,
  optionValue: 150,
  contextText: 3000,
  fallbackText: 3000,
} as const;

/**
 * Every button and select of ours has an action_id starting with this; what pressing runs is in
 * the element's value (a button's, or the chosen option's): the call itself when it fits
 * (src/render/call-codec.ts), else a token for it.
 */
export const actionPrefix = "council:run";

/** A Block Kit block as sent to Slack; kept loose because we only build, never read, them. */
export type SlackBlock = Record<string, unknown>;

export interface SlackMessage {
  /** Notification / screen-reader fallback; Slack shows the blocks. */
  readonly text: string;
  readonly blocks: types.KnownBlock[];
}


const escapeText = (value: string): string => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The neutral markdown subset in Slack mrkdwn: *bold*, _italic_ and `code` are the same; links change. */
export function mrkdwn(value: string): string {
  return escapeText(value).replace(/\[([^\]\n]+)\]\(((?:https?|mailto):[^)\s]+)\)/g, (_all, label: string, url: string) => `<${url}|${label}>`);
}

/** Plain text without the markdown marks, for headers, buttons and the fallback text. */
export function plain(value: string): string {
  return value
    .replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, "$1 ($2)")
    .replace(/\*(\S(?:[^*\n]*\S)?)\*/g, "$1")
    .replace(/`([^`\n]+)`/g, "$1");
}

const shorten = (value: string, max: number): string => (value.length <= max ? value : `${value.slice(0, max - 1)}…`);

/**
 * Splits text into pieces of at most `max` characters, at a line break when there is one in the
 * second half of the piece, else (unless `linesOnly`) at a space, else hard. The separator a cut
 * falls on is the only character left out, so the pieces join back with it; a hard cut keeps all.
 */
export function chunkText(value: string, max: number, linesOnly = false): string[] {
  const pieces: string[] = [];
  let rest = value;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = window.lastIndexOf("\n");
    if (cut < max / 2 && !linesOnly) cut = window.lastIndexOf(" ");
    const atSeparator = cut >= max / 2;
    if (!atSeparator) {
      // A hard cut must not split an escape such as `&amp;`.
      const amp = window.lastIndexOf("&");
      cut = amp > max - 5 && !window.slice(amp).includes(";") ? amp : max;
    }
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(atSeparator ? cut + 1 : cut);
  }
  pieces.push(rest);
  return pieces;
}

/** Lines joined into as few pieces of at most `max` characters as possible; a too-long line is split. */
function packLines(lines: readonly string[], max: number): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const line of lines.flatMap((l) => chunkText(l, max))) {
    if (current !== "" && current.length + 1 + line.length > max) {
      pieces.push(current);
      current = "";
    }
    current = current === "" ? line : `${current}\n${line}`;
  }
  if (current !== "") pieces.push(current);
  return pieces;
}

const section = (text: string): SlackBlock => ({ type: "section", text: { type: "mrkdwn", text } });
const plainText = (text: string) => ({ type: "plain_text", text, emoji: true });

interface Rendering {
  readonly controls: Controls;
  next: number;
}

function actionId(state: Rendering): string {
  state.next += 1;
  return `${actionPrefix}:${state.next}`;
}

function renderBlock(block: Block, state: Rendering): SlackBlock[] {
  switch (block.type) {
    case "heading": {
      const text = plain(block.text);
      if (text.length <= limits.headerText) return [{ type: "header", text: plainText(text) }];
      return chunkText(mrkdwn(block.text), limits.sectionText - 2).map((piece) => section(`*${piece}*`));
    }
    case "text":
      return chunkText(mrkdwn(block.text), limits.sectionText).map(section);
    case "context":
      return chunkText(mrkdwn(block.text), limits.contextText).map((piece) => ({ type: "context", elements: [{ type: "mrkdwn", text: piece }] }));
    case "divider":
      return [{ type: "divider" }];
    case "fields": {
      const out: SlackBlock[] = [];
      let batch: string[] = [];
      const flush = () => {
        if (batch.length) out.push({ type: "section", fields: batch.map((text) => ({ type: "mrkdwn", text })) });
        batch = [];
      };
      for (const field of block.fields) {
        const text = `*${mrkdwn(field.label)}*\n${mrkdwn(field.value)}`;
        if (text.length > limits.fieldText) {
          // Too long for a field: a section of its own, split as needed, keeps every character.
          flush();
          out.push(...chunkText(text, limits.sectionText).map(section));
          continue;
        }
        batch.push(text);
        if (batch.length === limits.fieldsPerSection) flush();
      }
      flush();
      return out;
    }
    case "list": {
      const lines = block.items.map((item, i) => {
        const bullet = block.ordered ? `${i + 1}. ` : "• ";
        return bullet + mrkdwn(item).split("\n").join("\n    ");
      });
      return packLines(lines, limits.sectionText).map(section);
    }
    case "buttons": {
      const elements = block.buttons.flatMap((b) => {
        const value = state.controls.idFor({ call: b.call }, limits.buttonValue);
        if (value === null) return [];
        return [{ type: "button", action_id: actionId(state), text: plainText(shorten(plain(b.label), limits.buttonText)), value, ...(b.style ? { style: b.style } : {}) }];
      });
      if (elements.length === 0) return [];
      return batches(elements, limits.elementsPerActions).map((els) => ({ type: "actions", elements: els }));
    }
    case "select": {
      const selects = batches(block.options, limits.optionsPerSelect).map((options) => ({
        type: "static_select",
        action_id: actionId(state),
        placeholder: plainText(shorten(plain(block.placeholder), limits.placeholderText)),
        options: options.flatMap((o) => {
          const value = state.controls.idFor({ call: o.call }, limits.optionValue);
          return value === null ? [] : [{ text: plainText(shorten(plain(o.label), limits.optionText)), value }];
        }),
      }));
      return batches(selects, limits.elementsPerActions).map((els) => ({ type: "actions", elements: els }));
    }
  }
}

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** An attachment as a heading with its name and its content in code blocks. */
function renderAttachment(file: Attachment): SlackBlock[] {
  const heading = plain(file.filename);
  const head: SlackBlock =
    heading.length <= limits.headerText ? { type: "header", text: plainText(heading) } : section(`*${mrkdwn(file.filename)}*`);
  const fence = "```";
  // The content is escaped like any mrkdwn; the fences take 8 characters of each section.
  const body = chunkText(escapeText(file.content.trimEnd()), limits.sectionText - 2 * (fence.length + 1), true).map((piece) =>
    section(`${fence}\n${piece}\n${fence}`),
  );
  return [head, ...body];
}

/** Neutral blocks as Block Kit blocks, not split into messages (the App Home view takes 100). */
export function renderBlocks(blocks: readonly Block[], controls: Controls): SlackBlock[] {
  const state: Rendering = { controls, next: 0 };
  return blocks.flatMap((block) => renderBlock(block, state));
}

const blockSummary = (block: SlackBlock): string => {
  const text = block.text as { text?: string } | undefined;
  if (typeof text?.text === "string") return text.text;
  if (Array.isArray(block.fields)) return (block.fields as { text: string }[]).map((f) => f.text).join("\n");
  if (Array.isArray(block.elements) && block.type === "context") return (block.elements as { text: string }[]).map((e) => e.text).join(" ");
  return "";
};

/**
 * A neutral reply as one or more Slack messages. Content never disappears: what does not fit one
 * message (50 blocks) continues in the next, and every message of a split reply ends with a visible
 * "(1/2)" marker. Attachments follow the reply as code blocks under their file name, in messages
 * of their own. Flush `controls` before sending what this returns (its long calls become tokens).
 */
export function renderMessages(reply: Reply, locale: Locale, controls: Controls): SlackMessage[] {
  const groups: SlackBlock[][] = [renderBlocks(reply.blocks, controls)];
  for (const file of reply.attachments ?? []) groups.push(renderAttachment(file));

  // One block of every message is kept for the page marker.
  const perMessage = limits.blocksPerMessage - 1;
  const pages = groups.filter((g, i) => g.length > 0 || i === 0).flatMap((g) => (g.length === 0 ? [[]] : batches(g, perMessage)));
  return pages.map((blocks, i) => {
    const marker = pages.length > 1 ? say(locale, "slack.page", { page: i + 1, pages: pages.length }) : "";
    const withMarker = marker ? [...blocks, { type: "context", elements: [{ type: "mrkdwn", text: marker }] }] : blocks;
    const summary = blocks.map(blockSummary).filter(Boolean).join("\n");
    const text = shorten([marker, plain(summary)].filter(Boolean).join(" "), limits.fallbackText) || marker || " ";
    // Built to Block Kit's shape above; typed loosely there to keep the builders short.
    return { text, blocks: withMarker as unknown as types.KnownBlock[] };
  });
}
