-- DropIndex
DROP INDEX "Election_groupId_idx";

-- CreateIndex
CREATE INDEX "Decision_groupId_state_number_idx" ON "Decision"("groupId", "state", "number");

-- CreateIndex
CREATE INDEX "Decision_groupId_closedAt_idx" ON "Decision"("groupId", "closedAt");

-- CreateIndex
CREATE INDEX "Election_groupId_state_idx" ON "Election"("groupId", "state");

-- CreateIndex
CREATE INDEX "Election_groupId_closedAt_idx" ON "Election"("groupId", "closedAt");

