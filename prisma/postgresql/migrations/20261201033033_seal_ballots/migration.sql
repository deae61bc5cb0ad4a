-- CreateTable
CREATE TABLE "SealedBallot" (
    "id" TEXT NOT NULL,
    "electionId" TEXT NOT NULL,
    "sealed" TEXT NOT NULL,

    CONSTRAINT "SealedBallot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ElectionSeal" (
    "electionId" TEXT NOT NULL,
    "salt" TEXT NOT NULL,
    "check" TEXT NOT NULL,

    CONSTRAINT "ElectionSeal_pkey" PRIMARY KEY ("electionId")
);

-- CreateIndex
CREATE INDEX "SealedBallot_electionId_idx" ON "SealedBallot"("electionId");

