import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { PublicResults } from "../../../src/core/public/results.ts";
import { presentation } from "../../../src/i18n/presentation.ts";
import { locales, type Locale } from "../../../src/i18n/locale.ts";
import { exportedFiles, exportedLinks } from "./links.ts";
import { electionPage, groupPage, indexPage, minutesPage, newsletterIndexPage } from "./views.ts";

/**
 * The results pages as files, for any static web host: every page in fi, en and sv
 * (`index.en.html`, `<group>/<election>.sv.html` …), `index.html` and `<group>/index.html` in the
 * council's language, and each record byte for byte with its `.sha256`; each group's final minutes
 * (`<group>/minutes/<n>.<lang>.html`, the text as approved in `<group>/minutes/<n>.md`) and the
 * newsletter archive (`newsletter/index.<lang>.html`, each issue as published). Links are relative,
 * so the folder can be served from anywhere. Only what the served pages show: certified elections,
 * checked or approved minutes, published newsletters.
 * Returns the files written, relative to `dir`.
 */
export async function exportSite(results: PublicResults, dir: string, options: { defaultLocale: Locale; timeZone: string }): Promise<string[]> {
  const written: string[] = [];
  const put = async (file: string, content: string) => {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), content, "utf8");
    written.push(file);
  };
  const groups = await results.groups();
  const issues = await results.newsletters();
  for (const issue of issues) await put(exportedFiles.newsletterIssue(issue.id), issue.html);
  for (const lang of locales) {
    const p = presentation(lang, options.timeZone);
    const index = indexPage(p, exportedLinks(0), groups).text;
    await put(exportedFiles.index(lang), index);
    if (lang === options.defaultLocale) await put("index.html", index);
    const archive = newsletterIndexPage(p, exportedLinks(1), issues, (id) => encodeURIComponent(`${id}.html`)).text;
    await put(exportedFiles.newsletter(lang), archive);
    if (lang === options.defaultLocale) await put("newsletter/index.html", archive);
    for (const listed of groups) {
      const group = await results.group(listed.id);
      if (!group) continue;
      const page = groupPage(p, exportedLinks(1), group).text;
      await put(exportedFiles.group(group.id, lang), page);
      if (lang === options.defaultLocale) await put(`${group.id}/index.html`, page);
      for (const election of group.elections) {
        const result = await results.result(group.id, election.id);
        if (!result) continue;
        await put(exportedFiles.election(group.id, election.id, lang), electionPage(p, exportedLinks(1), result).text);
        if (lang === options.defaultLocale) {
          await put(exportedFiles.record(group.id, election.id), result.recordText);
          await put(exportedFiles.recordHash(group.id, election.id), `${election.recordHash}  ${election.id}-record.json\n`);
        }
      }
      for (const entry of group.minutes) {
        const minutes = await results.minutes(group.id, entry.number);
        if (!minutes) continue;
        await put(exportedFiles.minutes(group.id, entry.number, lang), minutesPage(p, exportedLinks(2), minutes).text);
        if (lang === options.defaultLocale) await put(exportedFiles.minutesText(group.id, entry.number), minutes.text);
      }
    }
  }
  return written;
}
