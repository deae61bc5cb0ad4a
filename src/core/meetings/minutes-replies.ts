import type { Presentation } from "../../i18n/presentation.ts";
import { buttons, context, onlyYou, text, toChannel, withAttachment } from "../../render/build.ts";
import type { Reply } from "../../render/reply.ts";
import { linkTo } from "../shared/links.ts";
import { showTime } from "../shared/show-time.ts";
import type { MinutesView } from "./minutes-approval.ts";
import { minutesStateLine } from "./minutes-approval.ts";
import { officialsOf } from "./officials.ts";
import { minutesFile } from "./replies.ts";

/** Below the text: the state, who checked it and when, and the SHA-256 of the text they checked. */
export function minutesFooter(p: Presentation, view: MinutesView): string {
  const lines = [`## ${p.t("minutes.check-title")}`, "", `**${p.t("minutes.status-label")}:** ${minutesStateLine(p, { state: view.status.state, approved: view.approvals.length, needed: view.needed })}`];
  for (const a of view.approvals) lines.push(`- ${p.t("minutes.approved-by", { name: a.name, time: showTime(p, "weekdayDateTime", a.approvedAt) })}`);
  if (view.status.state === "approved" && view.status.approvedAt) {
    lines.push(`- ${p.t("minutes.approved-at-meeting", { meeting: view.approvedAt ?? "—", time: showTime(p, "weekdayDateTime", view.status.approvedAt) })}`);
  }
  if (view.status.state !== "draft" || view.approvals.length) lines.push("", p.t("minutes.hash", { hash: view.hash }));
  return lines.join("\n");
}

/** The minutes as a file to keep: the text as approved, then its checking. */
export const minutesDocument = (p: Presentation, view: MinutesView): string => `${view.text}\n\n---\n\n${minutesFooter(p, view)}\n`;

/** The approve button, for a checker who has not yet approved this text. */
function approveButton(p: Presentation, view: MinutesView, personId: string | null) {
  if (view.status.state !== "draft" || personId === null) return [];
  const isChecker = officialsOf(view.officials, "checker").some((c) => c.personId === personId);
  if (!isChecker || view.approvals.some((a) => a.personId === personId)) return [];
  return [buttons({ label: p.t("minutes.approve-button"), call: linkTo("minutes approve", { group: view.group.name, meeting: view.meeting.number, hash: view.hash }), style: "primary" })];
}

export function minutesShowReply(p: Presentation, view: MinutesView, readerId: string | null): Reply {
  const document = minutesDocument(p, view);
  return withAttachment(onlyYou(text(document), ...approveButton(p, view, readerId)), minutesFile(view.group, view.meeting, document));
}

/** What a checker gets after the meeting: the draft to read, and the button that approves exactly it. */
export function minutesApprovalRequest(p: Presentation, view: MinutesView): Reply {
  const document = minutesDocument(p, view);
  return withAttachment(
    onlyYou(text(p.t("minutes.review-request", { group: view.group.name, number: view.meeting.number })), text(view.text), buttons({ label: p.t("minutes.approve-button"), call: linkTo("minutes approve", { group: view.group.name, meeting: view.meeting.number, hash: view.hash }), style: "primary" })),
    minutesFile(view.group, view.meeting, document),
  );
}

/** The channel hears that the minutes are final, with the final file. */
export function minutesStatePost(p: Presentation, view: MinutesView): Reply {
  const document = minutesDocument(p, view);
  return withAttachment(
    toChannel(text(p.t("minutes.checked-post", { group: view.group.name, number: view.meeting.number, approved: view.approvals.length, needed: view.needed })), context(minutesFooter(p, view))),
    minutesFile(view.group, view.meeting, document),
  );
}

/**
 * The minutes' text with item `item`'s decision line replaced (or added under the item's heading),
 * in the language the minutes were written in; null when the minutes have no such item.
 */
export const withDecision = (p: Presentation, text: string, item: number) => (decision: string): string | null => {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.startsWith(`### ${item}. `));
  if (start < 0) return null;
  let end = lines.findIndex((l, i) => i > start && l.startsWith("#"));
  if (end < 0) end = lines.length;
  const label = `**${p.t("minutes.decision")}:**`;
  const at = lines.findIndex((l, i) => i > start && i < end && l.startsWith(label));
  const line = `${label} ${decision.replace(/\s*\n\s*/g, " ")}`;
  if (at >= 0) lines[at] = line;
  else lines.splice(end, 0, line, "");
  return lines.join("\n");
};
