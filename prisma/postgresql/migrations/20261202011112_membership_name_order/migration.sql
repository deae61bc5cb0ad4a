-- DropIndex
DROP INDEX "Membership_personId_idx";

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "groupNameKey" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Membership_personId_groupNameKey_idx" ON "Membership"("personId", "groupNameKey");

-- CreateIndex
CREATE INDEX "Membership_personId_role_idx" ON "Membership"("personId", "role");


-- Existing memberships take their group's name key (the store writes it from now on).
UPDATE "Membership" SET "groupNameKey" = (SELECT g."nameKey" FROM "WorkingGroup" g WHERE g."id" = "Membership"."groupId");
