-- AlterTable
ALTER TABLE "Election" ADD COLUMN     "record" TEXT,
ADD COLUMN     "recordHash" TEXT,
ADD COLUMN     "tellers" TEXT;

-- AlterTable
ALTER TABLE "ElectionCandidate" ADD COLUMN     "list" TEXT;

