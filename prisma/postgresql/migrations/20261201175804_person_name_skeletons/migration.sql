-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "skeletonCased" TEXT,
ADD COLUMN     "skeletonLower" TEXT;

-- CreateIndex
CREATE INDEX "Person_skeletonCased_idx" ON "Person"("skeletonCased");

-- CreateIndex
CREATE INDEX "Person_skeletonLower_idx" ON "Person"("skeletonLower");

