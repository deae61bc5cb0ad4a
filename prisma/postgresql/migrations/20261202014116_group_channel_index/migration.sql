-- CreateIndex
CREATE INDEX "WorkingGroup_workspaceId_channelId_idx" ON "WorkingGroup"("workspaceId", "channelId");

