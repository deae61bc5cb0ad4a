-- AlterTable
ALTER TABLE "Election" ADD COLUMN "record" TEXT;
ALTER TABLE "Election" ADD COLUMN "recordHash" TEXT;
ALTER TABLE "Election" ADD COLUMN "tellers" TEXT;

-- AlterTable
ALTER TABLE "ElectionCandidate" ADD COLUMN "list" TEXT;

