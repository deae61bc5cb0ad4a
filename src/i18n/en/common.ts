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
};
