import { z } from "zod";
import type { FormRequest } from "../../src/commands/long-text.ts";
import type { Locale } from "../../src/i18n/locale.ts";

import { say } from "./say.ts";

export const longTextCallback = "council:long-text";
/** The message shortcut "Add to newsletter" (its callback_id in manifest.yml). */
export const newsletterShortcut = "council_add_to_newsletter";
export const longTextBlock = "council-long-text";
export const longTextAction = "text";

const callValue = z.union([z.string(), z.number(), z.boolean()]);
/**
 * What the modal remembers between opening and submitting (Slack hands it back verbatim): the
 * call so far and the argument the typed text fills, and (Slack ids, not encoded) where the
 * command was typed and by whom.
 */
const metadataSchema = z.object({
  form: z.object({
    call: z.object({ command: z.string(), args: z.record(z.string(), callValue), confirmed: z.boolean().optional() }),
    arg: z.string(),
  }),
  channel: z.string().nullable(),
  user: z.string(),
});
export type LongTextMetadata = z.infer<typeof metadataSchema>;

const plainText = (text: string) => ({ type: "plain_text" as const, text, emoji: true });

// Slack's limits: title and button labels 24 characters, private_metadata 3000, input value 3000.
const short = (value: string, max = 24): string => (value.length <= max ? value : `${value.slice(0, max - 1)}…`);

/** The form asking for a command's missing long text: one multi-line input. */
export function longTextModal(locale: Locale, metadata: LongTextMetadata & { readonly form: FormRequest }) {
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
        label: plainText(short(say(locale, "slack.modal.label", { command: `/council ${metadata.form.call.command}` }), 2000)),
        hint: plainText(say(locale, "slack.modal.hint")),
        element: { type: "plain_text_input", action_id: longTextAction, multiline: true, min_length: 1, max_length: 3000 },
      },
    ],
  };
}

export function readMetadata(raw: string): LongTextMetadata | null {
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    // Not ours.
    return null;
  }
}
