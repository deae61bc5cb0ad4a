import {
  AttachmentBuilder,
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
  type APIStringSelectComponent,
} from "discord.js";
import type { Locale } from "../../src/i18n/locale.ts";
import type { Controls } from "../../src/render/controls.ts";
import type { Block, Button, Reply, SelectOption } from "../../src/render/reply.ts";
import { say } from "./say.ts";

/** Discord's message limits this renderer stays within (https://discord.com/developers/docs/resources/message). */
export const limits = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  /** Title, description, field names and values, footer — summed over ALL embeds of one message. */
  charsPerMessage: 6000,
  embedsPerMessage: 10,
  rowsPerMessage: 5,
  buttonsPerRow: 5,
  selectOptions: 25,
  buttonLabel: 80,
  optionLabel: 100,
  placeholder: 150,
  customId: 100,
  filesPerMessage: 10,
  content: 2000,
} as const;

/** A select's own custom_id (what it runs is in each option's value); unique within a message. */
const selectId = (n: number) => `select:${n}`;
/** Room left in every message for the "(1/2)" marker and rounding. */
const reserve = 100;
const embedColor = 0x2f6f9f;


export interface DiscordFile {
  readonly name: string;
  readonly contentType: string;
  readonly data: Buffer;
}

/** One message as discord.js sends it (`channel.send`, `interaction.reply`, `followUp`). */
export interface DiscordMessage {
  readonly content?: string;
  readonly embeds: APIEmbed[];
  readonly components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  readonly files: DiscordFile[];
}

export const toAttachments = (files: readonly DiscordFile[]): AttachmentBuilder[] => files.map((f) => new AttachmentBuilder(f.data, { name: f.name }));

/** The neutral markdown subset in Discord's: `*bold*` is `**bold**` there (one star is italic). */
export const markdown = (value: string): string => value.replace(/(^|[^*\w])\*(\S(?:[^*\n]*\S)?)\*(?=$|[^*\w])/gm, "$1**$2**");

const truncate = (value: string, max: number): string => (value.length <= max ? value : `${value.slice(0, max - 1)}…`);

/** Splits text into pieces ≤ max, preferring line breaks, then spaces; never loses a character. */
export function chunkText(value: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = value;
  while (rest.length > max) {
    let cut = rest.lastIndexOf("\n", max);
    if (cut < max / 2) cut = rest.lastIndexOf(" ", max);
    if (cut < max / 2) cut = max;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, "");
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** An embed under construction: its size counts toward the per-message total. */
interface Draft {
  title?: string;
  description: string;
  fields: APIEmbedField[];
}

const draftSize = (d: Draft): number => (d.title?.length ?? 0) + d.description.length + d.fields.reduce((n, f) => n + f.name.length + f.value.length, 0);

class EmbedWriter {
  readonly embeds: Draft[] = [];
  private current: Draft | null = null;

  /** `said` turns the core's command mentions into Discord's (`commandText` in commands.ts); before splitting, so limits hold. */
  constructor(private readonly said: (text: string) => string) {}

  private open(): Draft {
    if (!this.current) {
      this.current = { description: "", fields: [] };
      this.embeds.push(this.current);
    }
    return this.current;
  }

  private fresh(): Draft {
    this.current = null;
    return this.open();
  }

  title(text: string): void {
    const value = markdown(this.said(text));
    if (value.length > limits.title) return this.line(`**${value}**`);
    const d = this.current && !this.current.title && draftSize(this.current) === 0 ? this.current : this.fresh();
    d.title = value;
  }

  /** Appends a line (or many) to the description, opening new embeds as the limits require. */
  line(text: string): void {
    const max = Math.min(limits.description, limits.charsPerMessage - reserve - limits.title);
    for (const piece of chunkText(this.said(text), max)) {
      let d = this.open();
      const joined = d.description ? `${d.description}\n${piece}` : piece;
      if (joined.length > max || d.fields.length > 0 || draftSize(d) + piece.length + 1 > limits.charsPerMessage - reserve) {
        d = this.fresh();
        d.description = piece;
      } else {
        d.description = joined;
      }
    }
  }

  field(name: string, value: string): void {
    const label = truncate(markdown(this.said(name)) || "\u200b", limits.fieldName);
    chunkText(markdown(this.said(value)) || "-", limits.fieldValue).forEach((piece, i) => {
      let d = this.open();
      const size = (i === 0 ? label.length : 1) + piece.length;
      if (d.fields.length >= limits.fields || draftSize(d) + size > limits.charsPerMessage - reserve) d = this.fresh();
      d.fields.push({ name: i === 0 ? label : "\u200b", value: piece, inline: false });
    });
  }

  /** The next text starts a new embed (a divider). */
  break(): void {
    if (this.current && draftSize(this.current) > 0) this.current = null;
  }
}

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

function buttonRows(buttons: readonly Button[], controls: Controls): Row[] {
  const components = buttons.flatMap((b): APIButtonComponentWithCustomId[] => {
    const id = controls.idFor({ call: b.call }, limits.customId);
    if (id === null) return [];
    const style = b.style === "danger" ? ButtonStyle.Danger : b.style === "primary" ? ButtonStyle.Primary : ButtonStyle.Secondary;
    return [{ type: ComponentType.Button, style, label: truncate(b.label, limits.buttonLabel), custom_id: id }];
  });
  const rows: Row[] = [];
  for (let i = 0; i < components.length; i += limits.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: components.slice(i, i + limits.buttonsPerRow) });
  }
  return rows;
}

function selectRows(placeholder: string, all: readonly SelectOption[], controls: Controls, locale: Locale, selects: { count: number }): Row[] {
  const rows: Row[] = [];
  const options = all.flatMap((o) => {
    const value = controls.idFor({ call: o.call }, limits.customId);
    return value === null ? [] : [{ label: truncate(o.label, limits.optionLabel), value }];
  });
  const parts = Math.ceil(options.length / limits.selectOptions);
  for (let i = 0; i < options.length; i += limits.selectOptions) {
    const marker = parts > 1 ? ` ${say(locale, "discord.page", { page: i / limits.selectOptions + 1, pages: parts })}` : "";
    const select: APIStringSelectComponent = {
      type: ComponentType.StringSelect,
      custom_id: selectId(selects.count++),
      placeholder: truncate(markdown(placeholder).replace(/\*/g, ""), limits.placeholder - marker.length) + marker,
      min_values: 1,
      max_values: 1,
      options: options.slice(i, i + limits.selectOptions),
    };
    rows.push({ type: ComponentType.ActionRow, components: [select] });
  }
  return rows;
}

function writeBlock(block: Block, writer: EmbedWriter, rows: Row[], controls: Controls, locale: Locale, selects: { count: number }): void {
  switch (block.type) {
    case "heading":
      return writer.title(block.text);
    case "text":
      return writer.line(markdown(block.text));
    case "context":
      // `-# ` is Discord's subtext line.
      return block.text.split("\n").forEach((l) => writer.line(`-# ${markdown(l)}`));
    case "divider":
      return writer.break();
    case "fields":
      return block.fields.forEach((f) => writer.field(f.label, f.value));
    case "list":
      return block.items.forEach((item, i) => writer.line(`${block.ordered ? `${i + 1}.` : "-"} ${markdown(item)}`));
    case "buttons":
      rows.push(...buttonRows(block.buttons, controls));
      return;
    case "select":
      rows.push(...selectRows(block.placeholder, block.options, controls, locale, selects));
      return;
  }
}

/**
 * A neutral reply as Discord messages within Discord's limits. Nothing is dropped: what does not
 * fit one message continues in the next, each marked "(1/2)"; components come with the last text;
 * attachments become files. A button's custom_id and a select option's value carry what it runs
 * (src/render/controls.ts); flush `controls` before sending what this returns. `commandText`
 * rewrites command mentions for areas with a root of their own (`/council election` → `/election`).
 */
export function renderMessages(reply: Reply, controls: Controls, locale: Locale, commandText: (text: string) => string = (text) => text): DiscordMessage[] {
  const writer = new EmbedWriter(commandText);
  const rows: Row[] = [];
  const selects = { count: 0 };
  for (const block of reply.blocks) writeBlock(block, writer, rows, controls, locale, selects);
  const embeds: APIEmbed[] = writer.embeds
    .filter((d) => draftSize(d) > 0)
    .map((d) => ({
      color: embedColor,
      ...(d.title ? { title: d.title } : {}),
      ...(d.description ? { description: d.description } : {}),
      ...(d.fields.length ? { fields: d.fields } : {}),
    }));

  // Pack embeds into messages: ≤ 10 per message and ≤ 6000 characters summed over them.
  const packs: APIEmbed[][] = [];
  let size = 0;
  for (const embed of embeds) {
    const n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0);
    const last = packs.at(-1);
    if (!last || last.length >= limits.embedsPerMessage || size + n > limits.charsPerMessage - reserve) {
      packs.push([embed]);
      size = n;
    } else {
      last.push(embed);
      size += n;
    }
  }
  // Components go with the last text; more than 5 rows continue in further messages.
  const rowPacks: Row[][] = [];
  for (let i = 0; i < rows.length; i += limits.rowsPerMessage) rowPacks.push(rows.slice(i, i + limits.rowsPerMessage));
  const files: DiscordFile[] = (reply.attachments ?? []).map((a) => ({ name: a.filename, contentType: a.mimeType, data: Buffer.from(a.content, "utf8") }));
  const filePacks: DiscordFile[][] = [];
  for (let i = 0; i < files.length; i += limits.filesPerMessage) filePacks.push(files.slice(i, i + limits.filesPerMessage));

  const count = Math.max(packs.length + Math.max(rowPacks.length - 1, 0), filePacks.length, 1);
  const messages: { embeds: APIEmbed[]; components: Row[]; files: DiscordFile[] }[] = Array.from({ length: count }, () => ({ embeds: [], components: [], files: [] }));
  packs.forEach((pack, i) => messages[i]!.embeds.push(...pack));
  const firstRowMessage = Math.max(packs.length - 1, 0);
  rowPacks.forEach((pack, i) => messages[firstRowMessage + i]!.components.push(...pack));
  filePacks.forEach((pack, i) => messages[i]!.files.push(...pack));
  return messages.map((m, i) => {
    const marker = count > 1 ? say(locale, "discord.page", { page: i + 1, pages: count }) : "";
    // Discord refuses a message with nothing in it; an empty reply becomes a zero-width space.
    const empty = !marker && m.embeds.length === 0 && m.components.length === 0 && m.files.length === 0;
    return { ...(marker || empty ? { content: marker || "\u200b" } : {}), ...m };
  });
}

/** The custom_ids on a rendered message, for tests. */
export const customIdsOf = (message: DiscordMessage): string[] =>
  message.components.flatMap((row) => row.components.map((c) => ("custom_id" in c ? c.custom_id : "")));
