import type { Locale } from "../../i18n/locale.ts";
import { presentation, type Presentation } from "../../i18n/presentation.ts";
import type { Stores } from "../shared/unit-of-work.ts";

/** The stretch of time one digest covers, and how to word it. */
export interface DigestPeriod {
  readonly workspaceId: string;
  readonly from: Date;
  readonly to: Date;
  readonly timeZone: string;
  readonly locale: Locale;
}

/** A digest is read in a channel: its words in the channel's language, its times in the period's zone. */
export const periodPresentation = (period: Pick<DigestPeriod, "locale" | "timeZone">): Presentation => presentation(period.locale, period.timeZone);

/** One line of a digest. `key` is stable ("news:n3k4p9a", "meeting:<id>"): a published digest records it, and no later digest shows it again. */
export interface DigestEntry {
  readonly key: string;
  readonly title: string;
  readonly text?: string;
  readonly link?: string;
}

export interface DigestSection {
  /** Stable id of the section, e.g. "news", "groups", "meetings", "decisions", "results". */
  readonly id: string;
  /** Already in the period's language. */
  readonly title: string;
  readonly entries: readonly DigestEntry[];
}

/**
 * What an area contributes to the periodic digest. Each area (news, groups, meetings, elections)
 * implements one and registers it in createServices; the digest service asks each in turn, drops
 * entries an earlier published digest already showed, and leaves out empty sections.
 *
 * Contract: read only (use `stores`, never write); return entries whose subject falls in
 * [period.from, period.to) or, for upcoming things (meetings), that are still ahead of period.to;
 * return [] rather than an empty section; word everything in `period.locale`.
 */
export interface DigestSource {
  readonly id: string;
  sections(stores: Stores, period: DigestPeriod): Promise<DigestSection[]>;
}

/** Sections of the same id become one, in the order they first came, entries in their sources' order. */
export function mergeSections(sections: readonly DigestSection[]): DigestSection[] {
  const byId = new Map<string, DigestSection>();
  for (const section of sections) {
    const earlier = byId.get(section.id);
    byId.set(section.id, earlier ? { ...earlier, entries: [...earlier.entries, ...section.entries] } : section);
  }
  return [...byId.values()];
}
