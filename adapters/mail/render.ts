import type { Block, Reply } from "../../src/render/reply.ts";

/** A reply as an e-mail body: plain text and HTML with the same content. */
export interface MailBody {
  readonly text: string;
  readonly html: string;
}

const escapeHtml = (value: string): string =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

// The reply model's markdown subset: the text keeps it readable without marks, the HTML as markup.
const plain = (value: string): string => value.replace(/\*(\S(?:[^*\n]*\S)?)\*/g, "$1").replace(/`([^`\n]+)`/g, "$1");
const inline = (value: string): string =>
  escapeHtml(value)
    .replace(/\*(\S(?:[^*\n]*\S)?)\*/g, "<strong>$1</strong>")
    .replace(/(^|\s)_(\S(?:[^_\n]*\S)?)_(?=\s|$|[.,;:!?])/g, "$1<em>$2</em>")
    .replace(/`([^`\n]+)`/g, "<code>$1</code>")
    .replace(/\bhttps?:\/\/[^\s<]+[^\s<.,;:!?)]/g, (url) => `<a href="${url}">${url}</a>`)
    .replace(/\n/g, "<br>\n");

function textOf(block: Block): string | null {
  switch (block.type) {
    case "heading":
      return plain(block.text).toUpperCase();
    case "text":
      return plain(block.text);
    case "context":
      return plain(block.text);
    case "divider":
      return "—".repeat(20);
    case "fields":
      return block.fields.map((f) => `${f.label}: ${plain(f.value)}`).join("\n");
    case "list":
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : "-"} ${plain(item)}`).join("\n");
    // Buttons and selects run commands as the person who presses them: a mail cannot, so they are left out.
    case "buttons":
    case "select":
      return null;
  }
}

function htmlOf(block: Block): string | null {
  switch (block.type) {
    case "heading":
      return `<h2>${inline(block.text)}</h2>`;
    case "text":
      return `<p>${inline(block.text)}</p>`;
    case "context":
      return `<p style="color:#555;font-size:90%">${inline(block.text)}</p>`;
    case "divider":
      return "<hr>";
    case "fields":
      return `<table>${block.fields.map((f) => `<tr><th align="left">${escapeHtml(f.label)}</th><td>${inline(f.value)}</td></tr>`).join("")}</table>`;
    case "list": {
      const tag = block.ordered ? "ol" : "ul";
      return `<${tag}>${block.items.map((item) => `<li>${inline(item)}</li>`).join("")}</${tag}>`;
    }
    case "buttons":
    case "select":
      return null;
  }
}

/** Renders the neutral reply as a multipart body; every value is escaped in the HTML. */
export function renderMail(reply: Reply, lang: string, footer: string): MailBody {
  const texts = reply.blocks.map(textOf).filter((t): t is string => t !== null);
  const htmls = reply.blocks.map(htmlOf).filter((h): h is string => h !== null);
  return {
    text: [...texts, "--", footer].join("\n\n"),
    html: `<!DOCTYPE html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"></head><body>\n${htmls.join("\n")}\n<hr><p style="color:#555;font-size:90%">${escapeHtml(footer)}</p>\n</body></html>`,
  };
}
