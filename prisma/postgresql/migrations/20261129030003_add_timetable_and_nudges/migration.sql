-- AlterTable
ALTER TABLE "Election" ADD COLUMN     "nominationsPlannedAt" TIMESTAMP(3),
ADD COLUMN     "votingClosesAt" TIMESTAMP(3),
ADD COLUMN     "votingPlannedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Reminder" ADD COLUMN     "audience" TEXT;

