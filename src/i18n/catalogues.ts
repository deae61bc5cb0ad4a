import { fi } from "./fi/index.ts";
import { en } from "./en/index.ts";
import { sv } from "./sv/index.ts";
import type { Locale } from "./locale.ts";

/** Finnish is the working language and the source catalogue: its keys are the keys. */
export type MessageKey = keyof typeof fi;
export type Catalogue = Readonly<Record<MessageKey, string>>;

export const catalogues: Readonly<Record<Locale, Catalogue>> = { fi, en, sv };
