-- CreateTable
CREATE TABLE "SealedBallot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "electionId" TEXT NOT NULL,
    "sealed" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "ElectionSeal" (
    "electionId" TEXT NOT NULL PRIMARY KEY,
    "salt" TEXT NOT NULL,
    "check" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "SealedBallot_electionId_idx" ON "SealedBallot"("electionId");

