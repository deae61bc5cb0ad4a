-- CreateTable
CREATE TABLE "MeetingRegistration" (
    "meetingId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "registeredAt" DATETIME NOT NULL,
    "registeredById" TEXT NOT NULL,

    PRIMARY KEY ("meetingId", "personId")
);

