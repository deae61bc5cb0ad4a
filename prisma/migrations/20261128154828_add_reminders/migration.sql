-- CreateTable
CREATE TABLE "NewsItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "groupId" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "authorId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "removedAt" DATETIME
);

-- CreateTable
CREATE TABLE "Digest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "periodStart" DATETIME NOT NULL,
    "periodEnd" DATETIME NOT NULL,
    "publishedAt" DATETIME NOT NULL,
    "markdown" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "DigestItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "digestId" TEXT NOT NULL,
    CONSTRAINT "DigestItem_digestId_fkey" FOREIGN KEY ("digestId") REFERENCES "Digest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DigestSchedule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "cron" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "nextDueAt" DATETIME,
    "lastPeriodEnd" DATETIME,
    "createdById" TEXT
);

-- CreateTable
CREATE TABLE "Reminder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "text" TEXT,
    "messageKey" TEXT,
    "params" TEXT,
    "cron" TEXT,
    "timeZone" TEXT NOT NULL,
    "eventKey" TEXT,
    "nextDueAt" DATETIME,
    "pausedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ReminderDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reminderId" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "state" TEXT NOT NULL,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "sentAt" DATETIME,
    "lastError" TEXT,
    CONSTRAINT "ReminderDelivery_reminderId_fkey" FOREIGN KEY ("reminderId") REFERENCES "Reminder" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "NewsItem_workspaceId_createdAt_idx" ON "NewsItem"("workspaceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DigestItem_workspaceId_itemKey_key" ON "DigestItem"("workspaceId", "itemKey");

-- CreateIndex
CREATE UNIQUE INDEX "DigestSchedule_workspaceId_key" ON "DigestSchedule"("workspaceId");

-- CreateIndex
CREATE INDEX "Reminder_nextDueAt_idx" ON "Reminder"("nextDueAt");

-- CreateIndex
CREATE INDEX "Reminder_eventKey_idx" ON "Reminder"("eventKey");

-- CreateIndex
CREATE INDEX "Reminder_groupId_idx" ON "Reminder"("groupId");

-- CreateIndex
CREATE INDEX "ReminderDelivery_state_nextAttemptAt_idx" ON "ReminderDelivery"("state", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderDelivery_reminderId_dueAt_key" ON "ReminderDelivery"("reminderId", "dueAt");

