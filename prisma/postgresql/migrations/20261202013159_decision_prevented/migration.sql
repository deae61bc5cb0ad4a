-- AlterTable
ALTER TABLE "DecisionVoter" ADD COLUMN     "prevented" BOOLEAN NOT NULL DEFAULT false;

