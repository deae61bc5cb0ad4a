-- CreateTable
CREATE TABLE "MeetingRegistration" (
    "meetingId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "registeredAt" TIMESTAMP(3) NOT NULL,
    "registeredById" TEXT NOT NULL,

    CONSTRAINT "MeetingRegistration_pkey" PRIMARY KEY ("meetingId","personId")
);

