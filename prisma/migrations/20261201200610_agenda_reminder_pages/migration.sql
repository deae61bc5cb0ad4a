-- DropIndex
DROP INDEX "Reminder_groupId_idx";

-- CreateIndex
CREATE INDEX "AgendaItem_meetingId_status_position_createdAt_idx" ON "AgendaItem"("meetingId", "status", "position", "createdAt");

-- CreateIndex
CREATE INDEX "AgendaItem_meetingId_minutesNumber_idx" ON "AgendaItem"("meetingId", "minutesNumber");

-- CreateIndex
CREATE INDEX "AgendaItem_meetingId_standard_idx" ON "AgendaItem"("meetingId", "standard");

-- CreateIndex
CREATE INDEX "Reminder_groupId_createdAt_id_idx" ON "Reminder"("groupId", "createdAt", "id");

