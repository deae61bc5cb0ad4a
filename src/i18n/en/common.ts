import type { common as fi } from "../fi/common.ts";

export const common: Record<keyof typeof fi, string> = {
  "common.yes": "yes",
  "common.no": "no",
  "common.confirm": "Confirm",
  "common.cancel": "Cancel",
  "common.cancelled": "Cancelled, nothing was changed.",
  "role.chair": "chair",
  "role.vice-chair": "vice-chair",
  "role.secretary": "secretary",
  "role.member": "member",
  "role.deputy": "deputy",
  "role.observer": "observer",
  "language.fi": "Finnish",
  "language.en": "English",
  "language.sv": "Swedish",
  "page.shown": "Showing {from}–{to} of {total}. Next: the more button or --page {next}.",
  "page.shown-last": "Showing {from}–{to} of {total}, the last page.",
  "page.more": "Show {count} more",
  "refusal.page.beyond": "There is no page {page}: {pages, plural, one {there is only # page} other {there are # pages}}.",
};
