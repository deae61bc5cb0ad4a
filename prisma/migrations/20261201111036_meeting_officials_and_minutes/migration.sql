-- AlterTable
ALTER TABLE "AgendaItem" ADD COLUMN "minutesNumber" INTEGER;

-- CreateTable
CREATE TABLE "MeetingOfficial" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "personId" TEXT
);

-- CreateTable
CREATE TABLE "MinutesStatus" (
    "meetingId" TEXT NOT NULL PRIMARY KEY,
    "state" TEXT NOT NULL,
    "checkedAt" DATETIME,
    "approvedAtMeetingId" TEXT,
    "approvedAt" DATETIME
);

-- CreateTable
CREATE TABLE "MinutesApproval" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "approvedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "MeetingOfficial_meetingId_role_position_key" ON "MeetingOfficial"("meetingId", "role", "position");

-- CreateIndex
CREATE UNIQUE INDEX "MinutesApproval_meetingId_personId_key" ON "MinutesApproval"("meetingId", "personId");

