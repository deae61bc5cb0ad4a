-- CreateTable
CREATE TABLE "MeetingNotice" (
    "meetingId" TEXT NOT NULL PRIMARY KEY,
    "sentAt" DATETIME NOT NULL,
    "channelId" TEXT,
    "startsAt" DATETIME NOT NULL,
    "noticeDays" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "ItemLaw" (
    "itemId" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT,
    "threshold" TEXT NOT NULL DEFAULT 'majority',
    "passed" BOOLEAN,
    "tieBreak" TEXT
);

-- CreateTable
CREATE TABLE "ItemRecusal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "itemId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ItemDissent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "itemId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "proposal" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "deadline" DATETIME NOT NULL,
    "state" TEXT NOT NULL,
    "seedHash" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "closedAt" DATETIME,
    "outcome" TEXT,
    "minutes" TEXT
);

-- CreateTable
CREATE TABLE "DecisionVoter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "decisionId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "deputyId" TEXT,
    "answer" TEXT,
    "answeredBy" TEXT,
    "answeredAt" DATETIME,
    CONSTRAINT "DecisionVoter_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ItemRecusal_itemId_personId_key" ON "ItemRecusal"("itemId", "personId");

-- CreateIndex
CREATE INDEX "ItemDissent_itemId_idx" ON "ItemDissent"("itemId");

-- CreateIndex
CREATE INDEX "Decision_state_deadline_idx" ON "Decision"("state", "deadline");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_groupId_number_key" ON "Decision"("groupId", "number");

-- CreateIndex
CREATE INDEX "DecisionVoter_decisionId_deputyId_idx" ON "DecisionVoter"("decisionId", "deputyId");

-- CreateIndex
CREATE UNIQUE INDEX "DecisionVoter_decisionId_personId_key" ON "DecisionVoter"("decisionId", "personId");

