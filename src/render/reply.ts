/**
 * The neutral message model. The core builds these; each adapter renders them natively
 * (Block Kit, Discord embeds and components, plain text). Text is already localized.
 */
export type Visibility = "only-you" | "channel" | "direct";

export interface Button {
  readonly label: string;
  /**
   * What pressing it does: a command line run as the person who pressed it
   * (e.g. `group archive "Viestintä" --confirm`). One meaning on every platform.
   */
  readonly command: string;
  readonly style?: "primary" | "danger";
}

export interface SelectOption {
  readonly label: string;
  readonly command: string;
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
