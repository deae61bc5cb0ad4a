-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "mail" TEXT;

-- CreateTable
CREATE TABLE "PersonEmail" (
    "personId" TEXT NOT NULL,
    "address" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "pendingAddress" TEXT,
    "codeHash" TEXT,
    "codeExpiresAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PersonEmail_pkey" PRIMARY KEY ("personId")
);

-- CreateTable
CREATE TABLE "NewsletterSubscription" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "consentAt" TIMESTAMP(3) NOT NULL,
    "consentVia" TEXT NOT NULL,
    "unsubscribedAt" TIMESTAMP(3),
    "unsubscribedVia" TEXT,

    CONSTRAINT "NewsletterSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupCalendar" (
    "groupId" TEXT NOT NULL,
    "token" TEXT NOT NULL,

    CONSTRAINT "GroupCalendar_pkey" PRIMARY KEY ("groupId")
);

-- CreateTable
CREATE TABLE "MeetingCalendar" (
    "meetingId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "platformEventId" TEXT,

    CONSTRAINT "MeetingCalendar_pkey" PRIMARY KEY ("meetingId")
);

-- CreateTable
CREATE TABLE "NewsletterIssue" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NewsletterIssue_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NewsletterSubscription_token_key" ON "NewsletterSubscription"("token");

-- CreateIndex
CREATE UNIQUE INDEX "NewsletterSubscription_workspaceId_address_key" ON "NewsletterSubscription"("workspaceId", "address");

-- CreateIndex
CREATE UNIQUE INDEX "GroupCalendar_token_key" ON "GroupCalendar"("token");

-- CreateIndex
CREATE INDEX "NewsletterIssue_publishedAt_idx" ON "NewsletterIssue"("publishedAt");

