-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "mail" TEXT;

-- CreateTable
CREATE TABLE "PersonEmail" (
    "personId" TEXT NOT NULL PRIMARY KEY,
    "address" TEXT,
    "confirmedAt" DATETIME,
    "pendingAddress" TEXT,
    "codeHash" TEXT,
    "codeExpiresAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "NewsletterSubscription" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "consentAt" DATETIME NOT NULL,
    "consentVia" TEXT NOT NULL,
    "unsubscribedAt" DATETIME,
    "unsubscribedVia" TEXT
);

-- CreateTable
CREATE TABLE "GroupCalendar" (
    "groupId" TEXT NOT NULL PRIMARY KEY,
    "token" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "MeetingCalendar" (
    "meetingId" TEXT NOT NULL PRIMARY KEY,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "platformEventId" TEXT
);

-- CreateTable
CREATE TABLE "NewsletterIssue" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "NewsletterSubscription_token_key" ON "NewsletterSubscription"("token");

-- CreateIndex
CREATE UNIQUE INDEX "NewsletterSubscription_workspaceId_address_key" ON "NewsletterSubscription"("workspaceId", "address");

-- CreateIndex
CREATE UNIQUE INDEX "GroupCalendar_token_key" ON "GroupCalendar"("token");

-- CreateIndex
CREATE INDEX "NewsletterIssue_publishedAt_idx" ON "NewsletterIssue"("publishedAt");

