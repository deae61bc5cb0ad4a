import type { MessageKey } from "../i18n/catalogues.ts";
import type { Locale } from "../i18n/locale.ts";
import { translate } from "../i18n/translate.ts";
import type { Refusal } from "../core/shared/refusal.ts";
import { onlyYou, text } from "../render/build.ts";
import type { Reply } from "../render/reply.ts";

/** The one place where an expected refusal becomes words: always only to the person who asked. */
export const presentRefusal = (locale: Locale, refusal: Refusal): Reply =>
  onlyYou(text(translate(locale, `refusal.${refusal.code}` as MessageKey, refusal.params)));
