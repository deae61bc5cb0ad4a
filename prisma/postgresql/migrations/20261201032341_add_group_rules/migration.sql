-- AlterTable
ALTER TABLE "WorkingGroup" ADD COLUMN     "rules" TEXT NOT NULL DEFAULT '{}';

