import { randomUUID } from "node:crypto";
import type { MailStore, NewsletterSubscription, PersonEmailRecord } from "../core/mail/store.ts";
import type { NewsletterSubscription as SubscriptionRow, PersonEmail as PersonEmailRow } from "../generated/prisma/client.ts";
import { readInSlices } from "./id-slices.ts";
import type { DbTx } from "./prisma-client.ts";

const toEmail = (row: PersonEmailRow): PersonEmailRecord => ({
  personId: row.personId,
  address: row.address,
  pendingAddress: row.pendingAddress,
  codeHash: row.codeHash,
  codeExpiresAt: row.codeExpiresAt,
});

const toSubscription = (row: SubscriptionRow): NewsletterSubscription => ({
  id: row.id,
  workspaceId: row.workspaceId,
  address: row.address,
  token: row.token,
  consentAt: row.consentAt,
  consentVia: row.consentVia,
  unsubscribedAt: row.unsubscribedAt,
});

export const mailStore = (db: DbTx): MailStore => ({
  async personEmail(personId) {
    const row = await db.personEmail.findUnique({ where: { personId } });
    return row ? toEmail(row) : null;
  },
  async setPending(personId, address, codeHash, expiresAt, now) {
    const pending = { pendingAddress: address, codeHash, codeExpiresAt: expiresAt, updatedAt: now };
    await db.personEmail.upsert({ where: { personId }, create: { personId, ...pending }, update: pending });
  },
  async confirm(personId, now) {
    const row = await db.personEmail.findUniqueOrThrow({ where: { personId } });
    const updated = await db.personEmail.update({
      where: { personId },
      data: { address: row.pendingAddress, confirmedAt: now, pendingAddress: null, codeHash: null, codeExpiresAt: null, updatedAt: now },
    });
    return toEmail(updated);
  },
  async confirmedAddresses(personIds) {
    if (personIds.length === 0) return new Map();
    const rows = await readInSlices([...personIds], (ids) => db.personEmail.findMany({ where: { personId: { in: ids }, address: { not: null } } }));
    return new Map(rows.map((r) => [r.personId, r.address!]));
  },
  async subscription(workspaceId, address) {
    const row = await db.newsletterSubscription.findUnique({ where: { workspaceId_address: { workspaceId, address } } });
    return row ? toSubscription(row) : null;
  },
  async subscriptionByToken(token) {
    const row = await db.newsletterSubscription.findUnique({ where: { token } });
    return row ? toSubscription(row) : null;
  },
  async subscribe({ workspaceId, address, token, consentAt, consentVia }) {
    const row = await db.newsletterSubscription.upsert({
      where: { workspaceId_address: { workspaceId, address } },
      create: { id: randomUUID(), workspaceId, address, token, consentAt, consentVia },
      update: { consentAt, consentVia, unsubscribedAt: null, unsubscribedVia: null },
    });
    return toSubscription(row);
  },
  async unsubscribe(id, at, via) {
    await db.newsletterSubscription.updateMany({ where: { id, unsubscribedAt: null }, data: { unsubscribedAt: at, unsubscribedVia: via } });
  },
  async activeSubscriptions(workspaceId) {
    const rows = await db.newsletterSubscription.findMany({ where: { workspaceId, unsubscribedAt: null }, orderBy: [{ consentAt: "asc" }, { id: "asc" }] });
    return rows.map(toSubscription);
  },
  async calendarToken(groupId, fresh) {
    const row = await db.groupCalendar.upsert({ where: { groupId }, create: { groupId, token: fresh }, update: {} });
    return row.token;
  },
  async groupByCalendarToken(token) {
    return (await db.groupCalendar.findUnique({ where: { token } }))?.groupId ?? null;
  },
  async meetingCalendar(meetingId) {
    const row = await db.meetingCalendar.findUnique({ where: { meetingId } });
    return { sequence: row?.sequence ?? 0, platformEventId: row?.platformEventId ?? null };
  },
  async calendarSequences(meetingIds) {
    const rows = await readInSlices(meetingIds, (ids) => db.meetingCalendar.findMany({ where: { meetingId: { in: ids } }, select: { meetingId: true, sequence: true } }));
    return new Map(rows.map((row) => [row.meetingId, row.sequence]));
  },
  async raiseSequence(meetingId) {
    const row = await db.meetingCalendar.upsert({ where: { meetingId }, create: { meetingId, sequence: 1 }, update: { sequence: { increment: 1 } } });
    return row.sequence;
  },
  async setPlatformEventId(meetingId, id) {
    await db.meetingCalendar.upsert({ where: { meetingId }, create: { meetingId, platformEventId: id }, update: { platformEventId: id } });
  },
  async markEventPending(meetingId) {
    const pending = { eventPending: true, eventAttempts: 0, eventRetryAt: null };
    await db.meetingCalendar.upsert({ where: { meetingId }, create: { meetingId, ...pending, eventVersion: 1 }, update: { ...pending, eventVersion: { increment: 1 } } });
  },
  async pendingEvents(now, limit) {
    const rows = await db.meetingCalendar.findMany({
      where: { eventPending: true, OR: [{ eventRetryAt: null }, { eventRetryAt: { lte: now } }] },
      orderBy: [{ eventRetryAt: "asc" }, { meetingId: "asc" }],
      take: limit,
    });
    return rows.map((r) => ({ meetingId: r.meetingId, version: r.eventVersion, attempts: r.eventAttempts, platformEventId: r.platformEventId }));
  },
  async claimEvent(event, now, until) {
    const claimed = await db.meetingCalendar.updateMany({
      where: { meetingId: event.meetingId, eventPending: true, eventVersion: event.version, OR: [{ eventRetryAt: null }, { eventRetryAt: { lte: now } }] },
      data: { eventRetryAt: until, eventAttempts: { increment: 1 } },
    });
    return claimed.count === 1;
  },
  async eventSynced(event, platformEventId) {
    await db.meetingCalendar.update({ where: { meetingId: event.meetingId }, data: { platformEventId } });
    await db.meetingCalendar.updateMany({
      where: { meetingId: event.meetingId, eventVersion: event.version },
      data: { eventPending: false, eventAttempts: 0, eventRetryAt: null },
    });
  },
  async eventFailed(event, retryAt) {
    await db.meetingCalendar.updateMany({
      where: { meetingId: event.meetingId, eventVersion: event.version },
      data: retryAt ? { eventRetryAt: retryAt } : { eventPending: false, eventRetryAt: null },
    });
  },
  async recordIssue(issue) {
    await db.newsletterIssue.create({ data: issue });
  },
  async issues(limit) {
    return db.newsletterIssue.findMany({ orderBy: [{ publishedAt: "desc" }, { id: "desc" }], take: limit });
  },
  async issue(id) {
    return db.newsletterIssue.findUnique({ where: { id } });
  },
});
