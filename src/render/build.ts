import type { Attachment, Block, Button, Reply, SelectOption, Visibility } from "./reply.ts";

// Small constructors so that replies read as what they show.
export const heading = (text: string): Block => ({ type: "heading", text });
export const text = (value: string): Block => ({ type: "text", text: value });
export const context = (value: string): Block => ({ type: "context", text: value });
export const divider = (): Block => ({ type: "divider" });
export const fields = (...pairs: readonly (readonly [label: string, value: string])[]): Block => ({
  type: "fields",
  fields: pairs.map(([label, value]) => ({ label, value })),
});
export const list = (items: readonly string[], ordered = false): Block => ({ type: "list", items, ordered });
export const buttons = (...items: readonly Button[]): Block => ({ type: "buttons", buttons: items });
export const select = (placeholder: string, options: readonly SelectOption[]): Block => ({
  type: "select",
  placeholder,
  options,
});

const reply =
  (visibility: Visibility) =>
  (...blocks: readonly Block[]): Reply => ({ visibility, blocks });

export const onlyYou = reply("only-you");
export const toChannel = reply("channel");
export const direct = reply("direct");

export const withAttachment = (base: Reply, attachment: Attachment): Reply => ({
  ...base,
  attachments: [...(base.attachments ?? []), attachment],
});
