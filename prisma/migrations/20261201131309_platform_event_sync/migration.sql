-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MeetingCalendar" (
    "meetingId" TEXT NOT NULL PRIMARY KEY,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "platformEventId" TEXT,
    "eventPending" BOOLEAN NOT NULL DEFAULT false,
    "eventVersion" INTEGER NOT NULL DEFAULT 0,
    "eventAttempts" INTEGER NOT NULL DEFAULT 0,
    "eventRetryAt" DATETIME
);
INSERT INTO "new_MeetingCalendar" ("meetingId", "platformEventId", "sequence") SELECT "meetingId", "platformEventId", "sequence" FROM "MeetingCalendar";
DROP TABLE "MeetingCalendar";
ALTER TABLE "new_MeetingCalendar" RENAME TO "MeetingCalendar";
CREATE INDEX "MeetingCalendar_eventPending_eventRetryAt_idx" ON "MeetingCalendar"("eventPending", "eventRetryAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

