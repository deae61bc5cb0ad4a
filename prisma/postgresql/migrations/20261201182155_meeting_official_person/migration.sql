-- CreateIndex
CREATE INDEX "MeetingOfficial_personId_role_idx" ON "MeetingOfficial"("personId", "role");

