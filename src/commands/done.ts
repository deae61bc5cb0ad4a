import type { MessageKey } from "../i18n/catalogues.ts";
import type { MessageParams } from "../i18n/translate.ts";
import type { Presentation } from "../i18n/presentation.ts";
import { onlyYou, text } from "../render/build.ts";
import type { Reply } from "../render/reply.ts";

/** The usual answer to a command that did what it was asked: one sentence, only to the asker. */
export const done = (p: Presentation, key: MessageKey, params?: MessageParams): Reply => onlyYou(text(p.t(key, params)));
