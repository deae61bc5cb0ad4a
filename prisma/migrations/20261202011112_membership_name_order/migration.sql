-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Membership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "deputyOfId" TEXT,
    "joinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "groupNameKey" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Membership_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "WorkingGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Membership" ("deputyOfId", "groupId", "id", "joinedAt", "personId", "role") SELECT "deputyOfId", "groupId", "id", "joinedAt", "personId", "role" FROM "Membership";
DROP TABLE "Membership";
ALTER TABLE "new_Membership" RENAME TO "Membership";
CREATE INDEX "Membership_personId_groupNameKey_idx" ON "Membership"("personId", "groupNameKey");
CREATE INDEX "Membership_personId_role_idx" ON "Membership"("personId", "role");
CREATE UNIQUE INDEX "Membership_groupId_personId_key" ON "Membership"("groupId", "personId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Existing memberships take their group's name key (the store writes it from now on).
UPDATE "Membership" SET "groupNameKey" = (SELECT g."nameKey" FROM "WorkingGroup" g WHERE g."id" = "Membership"."groupId");
