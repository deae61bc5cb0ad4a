-- CreateIndex
CREATE INDEX "Meeting_groupId_status_startsAt_idx" ON "Meeting"("groupId", "status", "startsAt");

