-- CreateIndex
CREATE INDEX "Reminder_groupId_pausedAt_nextDueAt_id_idx" ON "Reminder"("groupId", "pausedAt", "nextDueAt", "id");

