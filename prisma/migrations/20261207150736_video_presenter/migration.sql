-- AlterTable
ALTER TABLE "Video" ADD COLUMN     "presenterId" TEXT;

-- CreateIndex
CREATE INDEX "Video_presenterId_idx" ON "Video"("presenterId");

-- AddForeignKey
ALTER TABLE "Video" ADD CONSTRAINT "Video_presenterId_fkey" FOREIGN KEY ("presenterId") REFERENCES "Presenter"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill: a video a batch made is presented by its item's presenter.
UPDATE "Video" AS v SET "presenterId" = b."presenterId" FROM "BatchItem" AS b WHERE b."videoId" = v."id";
