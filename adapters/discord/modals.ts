import { LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle, type ModalSubmitInteraction } from "discord.js";
import type { FormRequest } from "../../src/commands/long-text.ts";
import { rootCommand } from "../../src/commands/usage.ts";
import type { Locale } from "../../src/i18n/locale.ts";
import type { Controls } from "../../src/render/controls.ts";
import { say } from "./say.ts";

/** The text input of the long-text form; its modal's custom_id carries the call so far and the argument to fill. */
export const longTextInput = "text";
// Discord: modal title ≤ 45, label ≤ 45, description ≤ 100, paragraph input ≤ 4000 characters.
const short = (value: string, max: number): string => (value.length <= max ? value : `${value.slice(0, max - 1)}…`);

/** The form asking for a command's missing long text (e.g. the body of `news add`): one paragraph input. */
export function longTextModal(locale: Locale, form: FormRequest, controls: Controls, commandText: (text: string) => string = (text) => text): ModalBuilder {
  const id = controls.idFor({ call: form.call, fill: form.arg }, 100);
  // Only a secret command's call can be refused a token, and no secret command asks for a long text.
  if (id === null) throw new Error(`no form id for ${form.call.command}`);
  const command = form.call.command;
  return new ModalBuilder()
    .setCustomId(id)
    .setTitle(short(say(locale, "discord.modal.title"), 45))
    .addLabelComponents(
      new LabelBuilder()
        .setLabel(short(say(locale, "discord.modal.label"), 45))
        .setDescription(short(say(locale, "discord.modal.description", { command: commandText(`${rootCommand} ${command}`) }), 100))
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
