import type { PublishedGroup, PublishedResult } from "../../../src/core/public/results.ts";
import type { PublishedMinutes, PublishedMinutesEntry } from "../../../src/core/public/minutes.ts";
import type { NewsletterIssue } from "../../../src/core/mail/store.ts";
import type { RecordCount } from "../../../src/core/elections/record/schema.ts";
import { describeRoundEvent, electedExplained, voteFormatter } from "../../../src/core/elections/count-narrative.ts";
import { methodName } from "../../../src/core/elections/replies.ts";
import { showTime } from "../../../src/core/shared/show-time.ts";
import type { MessageKey, Presentation } from "../../../src/i18n/presentation.ts";
import { roundsChart } from "./chart.ts";
import { layout } from "./layout.ts";
import type { SiteLinks } from "./links.ts";
import { minutesFileName, recordFileName } from "./links.ts";
import { html, type Markup } from "./markup.ts";

// The three public pages. Everything they show comes from the read model, and an election's page
// only from its record: what anyone can download and recount is exactly what the page shows.

export function indexPage(p: Presentation, links: SiteLinks, groups: readonly PublishedGroup[]): Markup {
  const entries = groups.map((g) => {
    const counts = [
      g.elections.length > 0 ? p.t("public.index.group-count", { count: g.elections.length }) : null,
      g.minutes.length > 0 ? p.t("public.index.minutes-count", { count: g.minutes.length }) : null,
    ].filter((c): c is string => c !== null);
    return html`<li><a href="${links.group(g.id, p.locale)}">${g.name}</a> <span class="muted">(${counts.join(", ")})</span></li>`;
  });
  return layout(
    { p, title: p.t("public.index.heading"), here: (lang) => links.index(lang), home: links.index(p.locale), newsletter: links.newsletter(p.locale) },
    html`<h1>${p.t("public.index.heading")}</h1><p>${p.t("public.index.intro")}</p>${
      groups.length === 0 ? html`<p class="muted">${p.t("public.index.empty")}</p>` : html`<ul class="entries">${entries}</ul>`
    }`,
  );
}

export function groupPage(p: Presentation, links: SiteLinks, group: PublishedGroup): Markup {
  const entries = group.elections.map(
    (e) =>
      html`<li><a href="${links.election(group.id, e.id, p.locale)}">${e.title}</a><br><span class="muted">${methodName(p, e)} \u00b7 ${p.t("public.certified-on", { date: showTime(p, "date", e.certifiedAt) })}</span></li>`,
  );
  const minutes = group.minutes.map(
    (m) => html`<li><a href="${links.minutes(group.id, m.number, p.locale)}">${minutesEntryTitle(p, m)}</a><br><span class="muted">${minutesFinality(p, m)}</span></li>`,
  );
  const heading = p.t("public.group.heading", { group: group.name });
  return layout(
    { p, title: heading, here: (lang) => links.group(group.id, lang), home: links.index(p.locale), newsletter: links.newsletter(p.locale) },
    html`<p><a href="${links.index(p.locale)}">${p.t("public.nav.index")}</a></p><h1>${heading}</h1>
${entries.length > 0 ? html`<section aria-labelledby="elections"><h2 id="elections">${p.t("public.group.elections")}</h2><ul class="entries">${entries}</ul></section>` : null}
${minutes.length > 0 ? html`<section aria-labelledby="minutes"><h2 id="minutes">${p.t("public.group.minutes")}</h2><p class="muted">${p.t("public.group.minutes-intro")}</p><ul class="entries" data-minutes-list>${minutes}</ul></section>` : null}`,
  );
}

const minutesEntryTitle = (p: Presentation, m: PublishedMinutesEntry) =>
  p.t("public.minutes.entry", { number: m.number, yearNumber: m.yearNumber, date: showTime(p, "date", m.heldAt) });

/** How the minutes became final: "tarkastettu 11.12.2026", or "hyväksytty kokouksessa 4 (1/2027)". */
const minutesFinality = (p: Presentation, m: PublishedMinutesEntry): string => {
  if (m.state === "approved" && m.approvedAt) return p.t("public.minutes.approved-at", { meeting: m.approvedAt });
  const state = p.t(`minutes.state.${m.state}`);
  return m.finalAt && m.state === "checked" ? p.t("public.minutes.checked-on", { date: showTime(p, "date", m.finalAt) }) : state;
};

/**
 * One meeting's final minutes: the text exactly as approved (preformatted, so what is read is what
 * was hashed), its SHA-256, and the text as a file for `sha256sum`.
 */
export function minutesPage(p: Presentation, links: SiteLinks, published: PublishedMinutes): Markup {
  const { group, entry } = published;
  const heading = p.t("public.minutes.heading", { group: group.name, number: entry.number, yearNumber: entry.yearNumber });
  const file = minutesFileName(entry.number);
  const body = html`<p><a href="${links.group(group.id, p.locale)}">${p.t("public.nav.group", { group: group.name })}</a></p>
<h1>${heading}</h1>
<p class="muted">${minutesFinality(p, entry)}</p>
<p>${p.t("public.minutes.hash")}: <span class="hash" data-minutes-hash>${published.hash}</span></p>
<p><a href="${links.minutesText(group.id, entry.number)}" download="${file}" data-minutes-text>${p.t("public.minutes.download")}</a></p>
<p class="muted">${p.t("public.minutes.verify")} <code>sha256sum ${file}</code></p>
<pre data-minutes>${published.text}</pre>`;
  return layout({ p, title: heading, here: (lang) => links.minutes(group.id, entry.number, lang), home: links.index(p.locale), newsletter: links.newsletter(p.locale) }, body);
}

/** The newsletter archive as a static page, for the exported site (served, /newsletter/ is its own page). */
export function newsletterIndexPage(p: Presentation, links: SiteLinks, issues: readonly NewsletterIssue[], issueLink: (id: string) => string): Markup {
  const entries = issues.map((i) => html`<li><a href="${issueLink(i.id)}">${i.title}</a> <span class="muted">${showTime(p, "date", i.publishedAt)}</span></li>`);
  return layout(
    { p, title: p.t("web.newsletter.title"), here: (lang) => links.newsletter(lang), home: links.index(p.locale), newsletter: links.newsletter(p.locale) },
    html`<p><a href="${links.index(p.locale)}">${p.t("public.nav.index")}</a></p><h1>${p.t("web.newsletter.title")}</h1>${
      entries.length > 0 ? html`<ul class="entries">${entries}</ul>` : html`<p class="muted">${p.t("web.newsletter.empty")}</p>`
    }`,
  );
}

export function electionPage(p: Presentation, links: SiteLinks, published: PublishedResult): Markup {
  const { group, election, record } = published;
  const body = html`<p><a href="${links.group(group.id, p.locale)}">${p.t("public.nav.group", { group: group.name })}</a></p>
<h1>${election.title}</h1>
<p class="muted">${group.name} \u00b7 ${methodName(p, election)} \u00b7 ${p.t("public.certified-on", { date: showTime(p, "date", election.certifiedAt) })}</p>
${"elected" in record.count ? candidateResult(p, published, record.count) : yesNoResult(p, published)}
<p>${p.t("public.election.turnout", { ...record.roll })}</p>
${recordSection(p, links, published)}`;
  return layout({ p, title: `${election.title} – ${group.name}`, here: (lang) => links.election(group.id, election.id, lang), home: links.index(p.locale), newsletter: links.newsletter(p.locale) }, body);
}

function candidateResult(p: Presentation, published: PublishedResult, count: RecordCount): Markup {
  const { record, election } = published;
  const names = new Map(record.candidates.map((c) => [String(c.number), c.name]));
  const name = (id: string) => names.get(id) ?? id;
  const votes = voteFormatter(p, count.method);
  const elected = new Set(count.elected);
  const explained = electedExplained(p, count, name, votes);
  const deputies = Object.entries(record.deputies).map(([member, deputy]) => p.t("elections.results.deputy-line", { member: name(member), deputy: name(deputy) }));
  const stage = (kind: string) => p.t(`tally.stage.${kind}` as MessageKey);
  const transfers = count.method === "stv" || count.method === "irv";
  const candidates = [...record.candidates].sort((a, b) => a.number - b.number);
  const chart = roundsChart({
    rounds: count.rounds,
    candidates: candidates.filter((c) => !c.withdrawn).map((c) => ({ id: String(c.number), name: c.name })),
    elected: count.elected,
    quota: count.quota,
    transfers,
    text: {
      title: p.t(count.rounds.length > 1 ? "public.chart.title" : "public.chart.votes-title", { title: election.title }),
      round: (round) => p.t("tally.report.round", { number: round.number, stage: stage(count.rounds.find((r) => r.number === round.number)?.kind ?? "count") }),
      quota: (value) => p.t("public.chart.quota", { label: p.t(count.method === "stv" ? "elections.results.quota" : "elections.results.majority"), votes: votes(value) }),
      votes,
      nonTransferable: transfers ? p.t("tally.report.non-transferable") : null,
    },
  });
  const roundHeads = count.rounds.map((r) => html`<th class="num" scope="col">${p.t("public.election.col.round", { number: r.number })}</th>`);
  const tableRows = candidates.map(
    (c) =>
      html`<tr><th scope="row">${c.number}. ${c.name}</th>${count.rounds.map((r) => html`<td class="num">${r.votes[String(c.number)] === undefined ? "–" : votes(r.votes[String(c.number)]!)}</td>`)}</tr>`,
  );
  // A list's total is named by the list, or "#<number>" for a candidate standing alone (counting/list-vote.ts).
  const listTotals = (lists: Readonly<Record<string, number>>) =>
    p.t("tally.report.lists", { lists: Object.entries(lists).map(([list, total]) => `${list.startsWith("#") ? name(list.slice(1)) : list} ${votes(total)}`).join(", ") });
  const events = count.rounds.map((r) =>
    r.events.length === 0 && !r.lists
      ? null
      : html`<h3>${p.t("tally.report.round", { number: r.number, stage: stage(r.kind) })}</h3>${r.lists ? html`<p>${listTotals(r.lists)}</p>` : null}<ul>${r.events.map((e) => html`<li>${describeRoundEvent(p, e, name, votes)}</li>`)}</ul>`,
  );
  const ties = count.ties.map(
    (tie) => html`<li>${p.t("tally.report.tie", { round: tie.round, candidates: tie.candidates.map(name).join(", "), chosen: name(tie.chosen), how: p.t(`tally.tie.${tie.reason}`) })}</li>`,
  );
  return html`<section aria-labelledby="result"><h2 id="result">${p.t("public.election.result")}</h2>
${explained.length > 0 ? html`<ul>${explained.map((line) => html`<li>${line}</li>`)}</ul>` : html`<p>${p.t("public.election.none-elected")}</p>`}
${deputies.length > 0 ? html`<h3>${p.t("elections.results.deputies-title")}</h3><ul>${deputies.map((line) => html`<li>${line}</li>`)}</ul>` : null}
<p class="muted">${p.t("elections.results.ballots")}: ${p.t("elections.results.ballots-value", { valid: count.validBallots, invalid: count.invalidBallots })}</p>
</section>
<section aria-labelledby="candidates"><h2 id="candidates">${p.t("public.election.candidates")}</h2><div class="scroll"><table>
<thead><tr><th class="num" scope="col">${p.t("public.election.col.number")}</th><th scope="col">${p.t("public.election.col.candidate")}</th><th scope="col">${p.t("public.election.col.outcome")}</th></tr></thead>
<tbody>${candidates.map((c) => {
    // Sector, organisation and list under the name, not in columns of their own: the table fits a phone.
    const details = [c.sector, c.organisation, c.list].filter((d): d is string => d !== null);
    return html`<tr data-candidate="${c.number}"><td class="num">${c.number}</td><td>${c.name}${details.length > 0 ? html`<br><span class="muted">${details.join(" · ")}</span>` : null}</td><td>${
      c.withdrawn ? p.t("public.election.withdrawn") : elected.has(String(c.number)) ? html`<strong>${p.t("public.election.elected")}</strong>` : ""
    }</td></tr>`;
  })}</tbody></table></div></section>
<section aria-labelledby="count"><h2 id="count">${p.t("public.election.count")}</h2>
<p>${p.t(transfers ? "public.election.rounds-intro" : "public.election.stages-intro", { rounds: count.rounds.length })}</p>
${chart}
${events}
${ties.length > 0 ? html`<h3>${p.t("public.election.ties")}</h3><ul>${ties}</ul>` : null}
<details><summary>${p.t("public.election.table")}</summary><div class="scroll"><table><thead><tr><th scope="col">${p.t("public.election.col.candidate")}</th>${roundHeads}</tr></thead><tbody>${tableRows}</tbody></table></div></details>
</section>`;
}

function yesNoResult(p: Presentation, published: PublishedResult): Markup {
  const count = published.record.count;
  if ("elected" in count) return html``;
  const answers = [
    ["yes", count.yes],
    ["no", count.no],
    ["abstain", count.abstain],
  ] as const;
  const chart = roundsChart({
    rounds: [{ number: 1, votes: Object.fromEntries(answers), nonTransferable: 0 }],
    candidates: answers.map(([answer]) => ({ id: answer, name: p.t(`elections.answer.${answer}`) })),
    elected: count.passed ? ["yes"] : ["no"],
    transfers: false,
    text: {
      title: p.t("public.chart.votes-title", { title: published.election.title }),
      round: () => p.t("public.election.result"),
      quota: () => "",
      votes: String,
      nonTransferable: null,
    },
  });
  const outcome = p.t(count.passed ? "elections.outcome.passed" : "elections.outcome.rejected", { yes: count.yes, no: count.no, abstain: count.abstain });
  return html`<section aria-labelledby="result"><h2 id="result">${p.t("public.election.result")}</h2><p><strong>${outcome}</strong></p>${chart}<p class="muted">${p.t("elections.results.yes-no-rule")}</p></section>`;
}

function recordSection(p: Presentation, links: SiteLinks, published: PublishedResult): Markup {
  const { group, election, record } = published;
  const file = recordFileName(election.id);
  return html`<section aria-labelledby="record"><h2 id="record">${p.t("public.election.record")}</h2>
<p>${p.t("public.election.record-intro")}</p>
<p><a href="${links.record(group.id, election.id)}" download="${file}" data-record>${p.t("public.election.download")}</a> \u00b7 <a href="${links.recordHash(group.id, election.id)}" download="${file}.sha256">${p.t("public.election.download-hash")}</a></p>
<p>${p.t("public.election.hash")}: <span class="hash" data-record-hash>${election.recordHash}</span></p>
<p>${p.t("public.election.verify")}</p>
<pre><code>npm run verify -- ${file} --hash ${election.recordHash}</code></pre>
<p class="muted">${p.t("public.election.lot", { seed: record.lot.seed, hash: record.lot.seedHash })}</p>
<details><summary>${p.t("public.election.receipts", { count: record.receipts.length })}</summary>
<p>${p.t("elections.ballots.receipts-footer")}</p>
<ol class="receipts" data-receipts>${record.receipts.map((hash) => html`<li>${hash}</li>`)}</ol></details>
</section>`;
}

export function notFoundPage(p: Presentation, links: SiteLinks): Markup {
  return layout(
    { p, title: p.t("public.site.title"), here: (lang) => links.index(lang), home: links.index(p.locale), newsletter: links.newsletter(p.locale) },
    html`<h1>${p.t("public.site.title")}</h1><p>${p.t("public.not-found")}</p><p><a href="${links.index(p.locale)}">${p.t("public.nav.index")}</a></p>`,
  );
}
