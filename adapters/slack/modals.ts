import type { Locale } from "../../src/i18n/locale.ts";

import { say } from "./say.ts";

export const longTextCallback = "council:long-text";
/** The message shortcut "Add to newsletter" (its callback_id in manifest.yml). */
export const newsletterShortcut = "council_add_to_newsletter";
export const longTextBlock = "council-long-text";
export const longTextAction = "text";

/** What the modal remembers between opening and submitting (Slack hands it back verbatim). */
export interface LongTextMetadata {
  /** The command line typed so far, without the long text. */
  readonly line: string;
  /** Slack ids (not encoded): where the command was typed and by whom. */
  readonly channel: string;
  readonly user: string;
}

const plainText = (text: string) => ({ type: "plain_text" as const, text, emoji: true });

// Slack's limits: title and button labels 24 characters, private_metadata 3000, input value 3000.
const short = (value: string, max = 24): string => (value.length <= max ? value : `${value.slice(0, max - 1)}…`);

/** The form asking for a command's missing long text: one multi-line input. */
export function longTextModal(locale: Locale, missing: { readonly command: string; readonly arg: string }, metadata: LongTextMetadata) {
  return {
    type: "modal" as const,
    callback_id: longTextCallback,
    private_metadata: JSON.stringify(metadata),
    title: plainText(short(say(locale, "slack.modal.title"))),
    submit: plainText(short(say(locale, "slack.modal.submit"))),
    close: plainText(short(say(locale, "slack.modal.close"))),
    blocks: [
      {
        type: "input",
        block_id: longTextBlock,
        label: plainText(short(say(locale, "slack.modal.label", { command: `/council ${missing.command}` }), 2000)),
        hint: plainText(say(locale, "slack.modal.hint")),
        element: { type: "plain_text_input", action_id: longTextAction, multiline: true, min_length: 1, max_length: 3000 },
      },
    ],
  };
}

export function readMetadata(raw: string): LongTextMetadata | null {
  try {
    const value = JSON.parse(raw) as Partial<LongTextMetadata>;
    if (typeof value.line === "string" && typeof value.channel === "string" && typeof value.user === "string") {
      return { line: value.line, channel: value.channel, user: value.user };
    }
  } catch {
    // Not ours.
  }
  return null;
}
