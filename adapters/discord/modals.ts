import { LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle, type ModalSubmitInteraction } from "discord.js";
import type { Locale } from "../../src/i18n/locale.ts";
import type { CommandTokens } from "../../src/render/command-tokens.ts";
import { say } from "./say.ts";

/** The text input of the long-text form; its modal's custom_id is a token for the command line so far. */
export const longTextInput = "text";
// Discord: modal title ≤ 45, label ≤ 45, description ≤ 100, paragraph input ≤ 4000 characters.
const short = (value: string, max: number): string => (value.length <= max ? value : `${value.slice(0, max - 1)}…`);

/** The form asking for a command's missing long text (e.g. the body of `news add`): one paragraph input. */
export function longTextModal(locale: Locale, line: string, command: string, tokens: CommandTokens): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(tokens.tokenFor(line))
    .setTitle(short(say(locale, "discord.modal.title"), 45))
    .addLabelComponents(
      new LabelBuilder()
        .setLabel(short(say(locale, "discord.modal.label"), 45))
        .setDescription(short(say(locale, "discord.modal.description", { command: `/council ${command}` }), 100))
        .setTextInputComponent(
          new TextInputBuilder().setCustomId(longTextInput).setStyle(TextInputStyle.Paragraph).setRequired(true).setMinLength(1).setMaxLength(4000),
        ),
    );
}

/** The typed text of a submitted long-text form; null when the form is not ours. */
export function submittedText(interaction: ModalSubmitInteraction): string | null {
  try {
    return interaction.fields.getTextInputValue(longTextInput);
  } catch {
    return null;
  }
}
