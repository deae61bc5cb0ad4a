-- AlterTable
ALTER TABLE "AgendaItem" ADD COLUMN     "minutesNumber" INTEGER;

-- CreateTable
CREATE TABLE "MeetingOfficial" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "personId" TEXT,

    CONSTRAINT "MeetingOfficial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MinutesStatus" (
    "meetingId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "checkedAt" TIMESTAMP(3),
    "approvedAtMeetingId" TEXT,
    "approvedAt" TIMESTAMP(3),

    CONSTRAINT "MinutesStatus_pkey" PRIMARY KEY ("meetingId")
);

-- CreateTable
CREATE TABLE "MinutesApproval" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "approvedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MinutesApproval_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MeetingOfficial_meetingId_role_position_key" ON "MeetingOfficial"("meetingId", "role", "position");

-- CreateIndex
CREATE UNIQUE INDEX "MinutesApproval_meetingId_personId_key" ON "MinutesApproval"("meetingId", "personId");

