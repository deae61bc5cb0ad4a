-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "minutesState" TEXT;

-- Minutes written before the column take their state; those closed before MinutesStatus existed
-- were read as drafts, and stay drafts.
UPDATE "Meeting" SET "minutesState" = COALESCE((SELECT s."state" FROM "MinutesStatus" s WHERE s."meetingId" = "Meeting"."id"), 'draft')
WHERE "minutes" IS NOT NULL;

-- CreateIndex
CREATE INDEX "Election_workspaceId_state_idx" ON "Election"("workspaceId", "state");

-- CreateIndex
CREATE INDEX "Meeting_status_startsAt_idx" ON "Meeting"("status", "startsAt");

-- CreateIndex
CREATE INDEX "Meeting_minutesState_groupId_startsAt_number_idx" ON "Meeting"("minutesState", "groupId", "startsAt", "number");

