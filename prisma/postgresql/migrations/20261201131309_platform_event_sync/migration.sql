-- AlterTable
ALTER TABLE "MeetingCalendar" ADD COLUMN     "eventAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "eventPending" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "eventRetryAt" TIMESTAMP(3),
ADD COLUMN     "eventVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "MeetingCalendar_eventPending_eventRetryAt_idx" ON "MeetingCalendar"("eventPending", "eventRetryAt");

