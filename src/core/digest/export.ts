import { DateTime } from "luxon";
import type { Presentation } from "../../i18n/presentation.ts";
import { showTime } from "../shared/show-time.ts";
import { context, divider, heading, list, onlyYou, text } from "../../render/build.ts";
import type { Attachment, Block, Reply } from "../../render/reply.ts";
import { periodPresentation, type DigestPeriod, type DigestSection } from "./source.ts";
import type { DigestScheduleRecord } from "./store.ts";

/** A digest as composed: its sections hold only entries no earlier digest showed. */
export interface ComposedDigest {
  readonly period: DigestPeriod;
  readonly sections: readonly DigestSection[];
  readonly keys: readonly string[];
}

export const periodText = (period: DigestPeriod): string => {
  const p = periodPresentation(period);
  const day = (at: Date) => showTime(p, "date", at);
  return `${day(period.from)}–${day(new Date(period.to.getTime() - 1))}`;
};

const title = (digest: ComposedDigest) => periodPresentation(digest.period).t("digest.title", { period: periodText(digest.period) });

/** The digest in the neutral message model, for a preview or a channel post. */
export function digestBlocks(digest: ComposedDigest): Block[] {
  const { t } = periodPresentation(digest.period);
  if (digest.sections.length === 0) return [heading(title(digest)), text(t("digest.empty"))];
  const blocks: Block[] = [heading(title(digest))];
  for (const section of digest.sections) {
    blocks.push(text(`*${section.title}*`));
    blocks.push(
      list(section.entries.map((e) => [`*${e.title}*`, e.text, e.link].filter((part) => part !== undefined && part !== "").join(" — "))),
    );
  }
  blocks.push(divider(), context(t("digest.footer", { count: digest.keys.length })));
  return blocks;
}

const markdownSpecial = /([\\`*_[\]<>#|])/g;
export const escapeMarkdown = (value: string): string => value.replace(markdownSpecial, "\\$1");

export function toMarkdown(digest: ComposedDigest): string {
  const { t } = periodPresentation(digest.period);
  const lines = [`# ${escapeMarkdown(title(digest))}`, ""];
  if (digest.sections.length === 0) lines.push(escapeMarkdown(t("digest.empty")), "");
  for (const section of digest.sections) {
    lines.push(`## ${escapeMarkdown(section.title)}`, "");
    for (const e of section.entries) {
      const parts = [`**${escapeMarkdown(e.title)}**`];
      if (e.text) parts.push(escapeMarkdown(e.text));
      if (e.link) parts.push(`[${escapeMarkdown(e.link)}](<${e.link.replace(/[<>\s]/g, encodeURIComponent)}>)`);
      lines.push(`- ${parts.join(" — ")}`);
    }
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

export const escapeHtml = (value: string): string =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const safeHref = (link: string): string | null => (/^https?:\/\/[^\s"'<>]+$/i.test(link) ? escapeHtml(link) : null);

const style = {
  body: "margin:0;padding:0;background-color:#ffffff;",
  wrap: "max-width:640px;margin:0 auto;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#222222;",
  h1: "font-size:24px;margin:0 0 16px 0;color:#1a3d6d;",
  h2: "font-size:19px;margin:24px 0 8px 0;color:#1a3d6d;border-bottom:1px solid #dddddd;padding-bottom:4px;",
  ul: "margin:0;padding:0 0 0 20px;",
  li: "margin:0 0 10px 0;",
  a: "color:#1a5fb4;text-decoration:underline;",
  p: "margin:0 0 12px 0;",
  small: "margin:24px 0 0 0;font-size:13px;color:#666666;",
};

/**
 * The digest as one self-contained HTML document for an e-mail newsletter: inline styles only
 * (mail clients drop <style> and classes), every text escaped, void elements self-closed.
 */
export function toHtml(digest: ComposedDigest): string {
  const { t } = periodPresentation(digest.period);
  const heading1 = escapeHtml(title(digest));
  const out: string[] = [
    "<!DOCTYPE html>",
    `<html lang="${digest.period.locale}">`,
    `<head><meta charset="utf-8" /><title>${heading1}</title></head>`,
    `<body style="${style.body}">`,
    `<div style="${style.wrap}">`,
    `<h1 style="${style.h1}">${heading1}</h1>`,
  ];
  if (digest.sections.length === 0) out.push(`<p style="${style.p}">${escapeHtml(t("digest.empty"))}</p>`);
  for (const section of digest.sections) {
    out.push(`<h2 style="${style.h2}">${escapeHtml(section.title)}</h2>`, `<ul style="${style.ul}">`);
    for (const e of section.entries) {
      let item = `<strong>${escapeHtml(e.title)}</strong>`;
      if (e.text) item += `<br />${escapeHtml(e.text)}`;
      const href = e.link ? safeHref(e.link) : null;
      if (e.link && href) item += `<br /><a href="${href}" style="${style.a}">${escapeHtml(e.link)}</a>`;
      else if (e.link) item += `<br />${escapeHtml(e.link)}`;
      out.push(`<li style="${style.li}">${item}</li>`);
    }
    out.push("</ul>");
  }
  out.push(`<p style="${style.small}">${escapeHtml(t("digest.footer", { count: digest.keys.length }))}</p>`, "</div>", "</body>", "</html>");
  return `${out.join("\n")}\n`;
}

export function digestAttachments(digest: ComposedDigest): Attachment[] {
  const stamp = DateTime.fromJSDate(digest.period.to, { zone: digest.period.timeZone }).toFormat("yyyy-MM-dd");
  return [
    { filename: `digest-${stamp}.md`, mimeType: "text/markdown", content: toMarkdown(digest) },
    { filename: `digest-${stamp}.html`, mimeType: "text/html", content: toHtml(digest) },
  ];
}

/** The digest in the channel's words; when it goes out by itself, and the hint, in the asker's. */
export const previewReply = (p: Presentation, digest: ComposedDigest, schedule: DigestScheduleRecord | null): Reply =>
  onlyYou(
    ...digestBlocks(digest),
    context(
      schedule?.nextDueAt
        ? p.t("digest.schedule-running", { period: p.t(`digest.period.${schedule.period}`), channel: schedule.channelId, next: showTime(p, "weekdayDateTime", schedule.nextDueAt) })
        : p.t("digest.schedule-none"),
    ),
    context(p.t("digest.preview-hint")),
  );
