-- DropIndex
DROP INDEX "ActionItem_ownerId_idx";

-- CreateIndex
CREATE INDEX "ActionItem_ownerId_doneAt_dueDate_number_idx" ON "ActionItem"("ownerId", "doneAt", "dueDate", "number");

-- CreateIndex
CREATE INDEX "ActionItem_meetingId_number_idx" ON "ActionItem"("meetingId", "number");

