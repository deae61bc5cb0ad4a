-- AlterTable
ALTER TABLE "Election" ADD COLUMN "nominationsPlannedAt" DATETIME;
ALTER TABLE "Election" ADD COLUMN "votingClosesAt" DATETIME;
ALTER TABLE "Election" ADD COLUMN "votingPlannedAt" DATETIME;

-- AlterTable
ALTER TABLE "Reminder" ADD COLUMN "audience" TEXT;


-- Ballots kept in receipt order, not in the order they were cast: a WITHOUT ROWID table is
-- stored by its primary key (the random receipt), so while voting is open the file's row order
-- says nothing about who voted when. (PostgreSQL heap order is not addressable this way; there
-- the rows are rewritten in receipt order when voting closes.)
CREATE TABLE "new_ElectionBallot" (
    "receipt" TEXT NOT NULL PRIMARY KEY,
    "electionId" TEXT NOT NULL,
    "choices" TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO "new_ElectionBallot" ("receipt", "electionId", "choices") SELECT "receipt", "electionId", "choices" FROM "ElectionBallot";
DROP TABLE "ElectionBallot";
ALTER TABLE "new_ElectionBallot" RENAME TO "ElectionBallot";
CREATE INDEX "ElectionBallot_electionId_receipt_idx" ON "ElectionBallot"("electionId", "receipt");
