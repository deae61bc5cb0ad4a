-- CreateTable
CREATE TABLE "Election" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "seats" INTEGER NOT NULL,
    "deputyMode" TEXT NOT NULL DEFAULT 'none',
    "quotas" TEXT NOT NULL DEFAULT '{}',
    "criteria" TEXT NOT NULL DEFAULT '[]',
    "state" TEXT NOT NULL,
    "seedHash" TEXT,
    "seed" TEXT,
    "result" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "nominationsOpenedAt" DATETIME,
    "votingOpenedAt" DATETIME,
    "closedAt" DATETIME,
    "certifiedAt" DATETIME
);

-- CreateTable
CREATE TABLE "ElectionCandidate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "electionId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "sector" TEXT,
    "organisation" TEXT,
    "status" TEXT NOT NULL,
    "number" INTEGER,
    "nominatedById" TEXT NOT NULL,
    "deputyId" TEXT,
    "deputyName" TEXT,
    "nominatedAt" DATETIME NOT NULL,
    "acceptedAt" DATETIME,
    "withdrawnAt" DATETIME
);

-- CreateTable
CREATE TABLE "ElectionVoter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "electionId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "hasVoted" BOOLEAN NOT NULL DEFAULT false
);

-- CreateTable
CREATE TABLE "ElectionBallot" (
    "receipt" TEXT NOT NULL PRIMARY KEY,
    "electionId" TEXT NOT NULL,
    "choices" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "Election_groupId_idx" ON "Election"("groupId");

-- CreateIndex
CREATE UNIQUE INDEX "ElectionCandidate_electionId_personId_key" ON "ElectionCandidate"("electionId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "ElectionVoter_electionId_personId_key" ON "ElectionVoter"("electionId", "personId");

-- CreateIndex
CREATE INDEX "ElectionBallot_electionId_receipt_idx" ON "ElectionBallot"("electionId", "receipt");

