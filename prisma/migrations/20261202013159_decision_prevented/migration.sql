-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_DecisionVoter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "decisionId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "deputyId" TEXT,
    "answer" TEXT,
    "answeredBy" TEXT,
    "answeredAt" DATETIME,
    "prevented" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "DecisionVoter_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_DecisionVoter" ("answer", "answeredAt", "answeredBy", "decisionId", "deputyId", "id", "personId") SELECT "answer", "answeredAt", "answeredBy", "decisionId", "deputyId", "id", "personId" FROM "DecisionVoter";
DROP TABLE "DecisionVoter";
ALTER TABLE "new_DecisionVoter" RENAME TO "DecisionVoter";
CREATE INDEX "DecisionVoter_decisionId_deputyId_idx" ON "DecisionVoter"("decisionId", "deputyId");
CREATE UNIQUE INDEX "DecisionVoter_decisionId_personId_key" ON "DecisionVoter"("decisionId", "personId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

