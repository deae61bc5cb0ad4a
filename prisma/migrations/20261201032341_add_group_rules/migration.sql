-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_WorkingGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "channelId" TEXT,
    "archivedAt" DATETIME,
    "rules" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_WorkingGroup" ("archivedAt", "channelId", "createdAt", "id", "name", "nameKey", "workspaceId") SELECT "archivedAt", "channelId", "createdAt", "id", "name", "nameKey", "workspaceId" FROM "WorkingGroup";
DROP TABLE "WorkingGroup";
ALTER TABLE "new_WorkingGroup" RENAME TO "WorkingGroup";
CREATE UNIQUE INDEX "WorkingGroup_workspaceId_nameKey_key" ON "WorkingGroup"("workspaceId", "nameKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

