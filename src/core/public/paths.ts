// Where the public pages live under PUBLIC_URL. The core names them only to write a link into a
// text that outlives the moment (the minutes); adapters/web/results serves exactly these paths.

export const RESULTS_PATH = "/results";

/** An election's public page (answers 404 until the election is certified). */
export const publicElectionPath = (groupId: string, electionId: string): string =>
  `${RESULTS_PATH}/${encodeURIComponent(groupId)}/${encodeURIComponent(electionId)}`;

/** The path segment under a group that holds its checked and approved minutes. */
export const MINUTES_SEGMENT = "minutes";

/** The newsletter archive (adapters/web/newsletter). */
export const NEWSLETTER_PATH = "/newsletter/";
