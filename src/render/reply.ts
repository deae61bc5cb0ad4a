/**
 * The neutral message model. The core builds these; each adapter renders them natively
 * (Block Kit, Discord embeds and components, plain text). Text is already localized.
 */
export type Visibility = "only-you" | "channel" | "direct";

/**
 * What pressing a button, choosing an option or submitting a form runs, as the person who did it:
 * a command by its path and its arguments by name, exactly as they will be validated. Never a
 * command line: a value travels byte for byte, whatever quotes or dashes it holds.
 */
export interface CommandCall {
  /** The command's path words joined by spaces, e.g. `group archive`. */
  readonly command: string;
  readonly args: Readonly<Record<string, CallValue>>;
  /** The person already answered the command's question (a confirm button). */
  readonly confirmed?: boolean;
}

export type CallValue = string | number | boolean;

export interface Button {
  readonly label: string;
  /** What pressing it does. One meaning on every platform. */
  readonly call: CommandCall;
  readonly style?: "primary" | "danger";
}

export interface SelectOption {
  readonly label: string;
  readonly call: CommandCall;
  /**
   * The number the option is known by where it has one (a candidate's ballot number), for
   * platforms where people type their choice: the console then takes that number for it.
   */
  readonly number?: number;
}

export type Block =
  | { readonly type: "heading"; readonly text: string }
  /** A small markdown subset every platform renders: *bold*, _italic_, `code`, links. */
  | { readonly type: "text"; readonly text: string }
  | { readonly type: "fields"; readonly fields: readonly { readonly label: string; readonly value: string }[] }
  | { readonly type: "list"; readonly items: readonly string[]; readonly ordered: boolean }
  | { readonly type: "buttons"; readonly buttons: readonly Button[] }
  | { readonly type: "select"; readonly placeholder: string; readonly options: readonly SelectOption[] }
  | { readonly type: "divider" }
  | { readonly type: "context"; readonly text: string };

export interface Attachment {
  readonly filename: string;
  readonly mimeType: string;
  readonly content: string;
}

export interface Reply {
  readonly visibility: Visibility;
  readonly blocks: readonly Block[];
  readonly attachments?: readonly Attachment[];
}
