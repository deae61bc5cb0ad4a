-- CreateTable
CREATE TABLE "MeetingNotice" (
    "meetingId" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "channelId" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "noticeDays" INTEGER NOT NULL,

    CONSTRAINT "MeetingNotice_pkey" PRIMARY KEY ("meetingId")
);

-- CreateTable
CREATE TABLE "ItemLaw" (
    "itemId" TEXT NOT NULL,
    "kind" TEXT,
    "threshold" TEXT NOT NULL DEFAULT 'majority',
    "passed" BOOLEAN,
    "tieBreak" TEXT,

    CONSTRAINT "ItemLaw_pkey" PRIMARY KEY ("itemId")
);

-- CreateTable
CREATE TABLE "ItemRecusal" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ItemRecusal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ItemDissent" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ItemDissent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "proposal" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "state" TEXT NOT NULL,
    "seedHash" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "minutes" TEXT,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DecisionVoter" (
    "id" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "deputyId" TEXT,
    "answer" TEXT,
    "answeredBy" TEXT,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "DecisionVoter_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "DecisionVoter" ADD CONSTRAINT "DecisionVoter_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

