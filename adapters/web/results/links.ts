import type { Locale } from "../../../src/i18n/locale.ts";
import { MINUTES_SEGMENT, NEWSLETTER_PATH, RESULTS_PATH } from "../../../src/core/public/paths.ts";

export { RESULTS_PATH };

/**
 * Where the results pages link to. Served, a page is `/results/<group>/<election>?lang=en`; exported
 * as files, `<group>/<election>.en.html` relative to the page, so the folder can be put anywhere.
 */
export interface SiteLinks {
  index(lang: Locale): string;
  group(groupId: string, lang: Locale): string;
  election(groupId: string, electionId: string, lang: Locale): string;
  /** The stored record, byte for byte. */
  record(groupId: string, electionId: string): string;
  /** `<sha-256>  <id>-record.json`, for `sha256sum -c`. */
  recordHash(groupId: string, electionId: string): string;
  /** A meeting's final minutes, by the meeting's number in its group. */
  minutes(groupId: string, meeting: number, lang: Locale): string;
  /** The minutes' text, byte for byte as approved: its SHA-256 is the one the checkers approved. */
  minutesText(groupId: string, meeting: number): string;
  /** The newsletter archive. */
  newsletter(lang: Locale): string;
}

const query = (lang: Locale) => `?lang=${lang}`;

export const servedLinks: SiteLinks = {
  index: (lang) => `${RESULTS_PATH}${query(lang)}`,
  group: (group, lang) => `${RESULTS_PATH}/${encodeURIComponent(group)}${query(lang)}`,
  election: (group, election, lang) => `${RESULTS_PATH}/${encodeURIComponent(group)}/${encodeURIComponent(election)}${query(lang)}`,
  record: (group, election) => `${RESULTS_PATH}/${encodeURIComponent(group)}/${encodeURIComponent(election)}/${encodeURIComponent(recordFileName(election))}`,
  recordHash: (group, election) => `${RESULTS_PATH}/${encodeURIComponent(group)}/${encodeURIComponent(election)}/${encodeURIComponent(recordFileName(election))}.sha256`,
  minutes: (group, meeting, lang) => `${RESULTS_PATH}/${encodeURIComponent(group)}/${MINUTES_SEGMENT}/${meeting}${query(lang)}`,
  minutesText: (group, meeting) => `${RESULTS_PATH}/${encodeURIComponent(group)}/${MINUTES_SEGMENT}/${minutesFileName(meeting)}`,
  newsletter: (lang) => `${NEWSLETTER_PATH}${query(lang)}`,
};

/** The minutes' text file: `<meeting number>.md`. */
export const minutesFileName = (meeting: number) => `${meeting}.md`;

/** The record's file name, as `election export <id> record` names it. */
export const recordFileName = (electionId: string) => `${electionId}-record.json`;

/** File names of the static export, relative to its root. */
export const exportedFiles = {
  index: (lang: Locale) => `index.${lang}.html`,
  group: (group: string, lang: Locale) => `${group}/index.${lang}.html`,
  election: (group: string, election: string, lang: Locale) => `${group}/${election}.${lang}.html`,
  record: (group: string, election: string) => `${group}/${recordFileName(election)}`,
  recordHash: (group: string, election: string) => `${group}/${recordFileName(election)}.sha256`,
  minutes: (group: string, meeting: number, lang: Locale) => `${group}/${MINUTES_SEGMENT}/${meeting}.${lang}.html`,
  minutesText: (group: string, meeting: number) => `${group}/${MINUTES_SEGMENT}/${minutesFileName(meeting)}`,
  newsletter: (lang: Locale) => `newsletter/index.${lang}.html`,
  newsletterIssue: (id: string) => `newsletter/${id}.html`,
};

/** Links between exported files, from a page `depth` folders below the export's root. */
export function exportedLinks(depth: number): SiteLinks {
  const up = "../".repeat(depth);
  const link = (file: string) => up + file.split("/").map(encodeURIComponent).join("/");
  return {
    index: (lang) => link(exportedFiles.index(lang)),
    group: (group, lang) => link(exportedFiles.group(group, lang)),
    election: (group, election, lang) => link(exportedFiles.election(group, election, lang)),
    record: (group, election) => link(exportedFiles.record(group, election)),
    recordHash: (group, election) => link(exportedFiles.recordHash(group, election)),
    minutes: (group, meeting, lang) => link(exportedFiles.minutes(group, meeting, lang)),
    minutesText: (group, meeting) => link(exportedFiles.minutesText(group, meeting)),
    newsletter: (lang) => link(exportedFiles.newsletter(lang)),
  };
}
