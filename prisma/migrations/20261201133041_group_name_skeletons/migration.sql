-- AlterTable
ALTER TABLE "WorkingGroup" ADD COLUMN "skeletonCased" TEXT;
ALTER TABLE "WorkingGroup" ADD COLUMN "skeletonLower" TEXT;

-- CreateIndex
CREATE INDEX "WorkingGroup_workspaceId_skeletonCased_idx" ON "WorkingGroup"("workspaceId", "skeletonCased");

-- CreateIndex
CREATE INDEX "WorkingGroup_workspaceId_skeletonLower_idx" ON "WorkingGroup"("workspaceId", "skeletonLower");

