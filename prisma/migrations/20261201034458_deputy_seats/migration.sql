-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ElectionVoter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "electionId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "deputyId" TEXT,
    "prevented" BOOLEAN NOT NULL DEFAULT false,
    "hasVoted" BOOLEAN NOT NULL DEFAULT false,
    "byDeputy" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_ElectionVoter" ("electionId", "hasVoted", "id", "personId") SELECT "electionId", "hasVoted", "id", "personId" FROM "ElectionVoter";
DROP TABLE "ElectionVoter";
ALTER TABLE "new_ElectionVoter" RENAME TO "ElectionVoter";
CREATE INDEX "ElectionVoter_electionId_deputyId_idx" ON "ElectionVoter"("electionId", "deputyId");
CREATE UNIQUE INDEX "ElectionVoter_electionId_personId_key" ON "ElectionVoter"("electionId", "personId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

