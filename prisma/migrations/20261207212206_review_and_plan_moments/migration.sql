-- AlterTable
ALTER TABLE "Batch" ADD COLUMN     "review" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Video" ADD COLUMN     "approvedAt" TIMESTAMP(3),
ADD COLUMN     "rejectedAt" TIMESTAMP(3),
ADD COLUMN     "rejectionReason" TEXT;

-- CreateTable
CREATE TABLE "PlanMonth" (
    "month" TEXT NOT NULL,
    "publishTime" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanMonth_pkey" PRIMARY KEY ("month")
);

-- Batches made before review existed keep publishing their videos as they did (public when ready).
UPDATE "Batch" SET "review" = false;

-- A rejected video's plan pair counts as missing again: its batch item lets go of the pair's key, as when the video
-- fails or is deleted (video_release_batch_key, 20261126001754_batches_and_queue), so "Generate what is missing"
-- remakes it.
CREATE TRIGGER "Video_release_batch_key_on_rejection" AFTER UPDATE OF "rejectedAt" ON "Video"
  FOR EACH ROW WHEN (NEW."rejectedAt" IS NOT NULL AND OLD."rejectedAt" IS NULL)
  EXECUTE FUNCTION video_release_batch_key();
