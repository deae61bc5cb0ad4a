import type { MessageKey } from "../i18n/catalogues.ts";
import type { Presentation } from "../i18n/presentation.ts";
import type { Refusal } from "../core/shared/refusal.ts";
import { onlyYou, text } from "../render/build.ts";
import type { Reply } from "../render/reply.ts";

/** The one place where an expected refusal becomes words: always only to the person who asked. */
export const presentRefusal = (p: Presentation, refusal: Refusal): Reply =>
  onlyYou(text(p.t(`refusal.${refusal.code}` as MessageKey, refusal.params)));
