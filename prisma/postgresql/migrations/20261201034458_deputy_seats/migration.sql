-- AlterTable
ALTER TABLE "ElectionVoter" ADD COLUMN     "byDeputy" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "deputyId" TEXT,
ADD COLUMN     "prevented" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "ElectionVoter_electionId_deputyId_idx" ON "ElectionVoter"("electionId", "deputyId");

