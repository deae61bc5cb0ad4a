import type { common as fi } from "../fi/common.ts";

export const common: Record<keyof typeof fi, string> = {
  "common.yes": "ja",
  "common.no": "nej",
  "common.confirm": "Bekräfta",
  "common.cancel": "Avbryt",
  "common.cancelled": "Avbrutet, inget ändrades.",
  "role.chair": "ordförande",
  "role.vice-chair": "vice ordförande",
  "role.secretary": "sekreterare",
  "role.member": "medlem",
  "role.deputy": "ersättare",
  "role.observer": "observatör",
  "language.fi": "finska",
  "language.en": "engelska",
  "language.sv": "svenska",
  "page.shown": "Visar {from}–{to} av {total}. Nästa: knappen för fler eller --page {next}.",
  "page.shown-last": "Visar {from}–{to} av {total}, sista sidan.",
  "page.more": "Visa {count} till",
  "refusal.page.beyond": "Sidan {page} finns inte: {pages, plural, one {det finns bara # sida} other {det finns # sidor}}.",
};
