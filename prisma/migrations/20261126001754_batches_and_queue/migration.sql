-- CreateEnum
CREATE TYPE "BatchStatus" AS ENUM ('RUNNING', 'PAUSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "BatchItemStatus" AS ENUM ('QUEUED', 'SUBMITTING', 'SENT', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "Batch" (
    "id" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "tag" TEXT,
    "presenterIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "BatchStatus" NOT NULL DEFAULT 'RUNNING',
    "requestedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BatchItem" (
    "id" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "planScriptId" TEXT NOT NULL,
    "presenterId" TEXT NOT NULL,
    "liveKey" TEXT,
    "status" "BatchItemStatus" NOT NULL DEFAULT 'QUEUED',
    "videoId" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BatchItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubmitGate" (
    "name" TEXT NOT NULL,
    "nextAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SubmitGate_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "Batch_createdAt_idx" ON "Batch"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BatchItem_liveKey_key" ON "BatchItem"("liveKey");

-- CreateIndex
CREATE UNIQUE INDEX "BatchItem_videoId_key" ON "BatchItem"("videoId");

-- CreateIndex
CREATE INDEX "BatchItem_batchId_status_idx" ON "BatchItem"("batchId", "status");

-- CreateIndex
CREATE INDEX "BatchItem_planScriptId_presenterId_idx" ON "BatchItem"("planScriptId", "presenterId");

-- AddForeignKey
ALTER TABLE "BatchItem" ADD CONSTRAINT "BatchItem_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "Batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BatchItem" ADD CONSTRAINT "BatchItem_planScriptId_fkey" FOREIGN KEY ("planScriptId") REFERENCES "PlanScript"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BatchItem" ADD CONSTRAINT "BatchItem_presenterId_fkey" FOREIGN KEY ("presenterId") REFERENCES "Presenter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BatchItem" ADD CONSTRAINT "BatchItem_videoId_fkey" FOREIGN KEY ("videoId") REFERENCES "Video"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A (script, presenter) pair is live while its item is queued, sending, rendering or made. Its key is released
-- here, in the database, so that no code path can forget it: when the item fails or is cancelled, and when its
-- video fails or is deleted. A later "Generate what is missing" then queues the pair again.
CREATE FUNCTION batch_item_release_key() RETURNS trigger AS $$
BEGIN
  IF NEW."status" IN ('FAILED', 'CANCELLED') THEN
    NEW."liveKey" := NULL;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "BatchItem_release_key" BEFORE INSERT OR UPDATE OF "status" ON "BatchItem"
  FOR EACH ROW EXECUTE FUNCTION batch_item_release_key();

CREATE FUNCTION video_release_batch_key() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "BatchItem" SET "liveKey" = NULL WHERE "videoId" = OLD."id" AND "liveKey" IS NOT NULL;
    RETURN OLD;
  END IF;
  UPDATE "BatchItem" SET "liveKey" = NULL WHERE "videoId" = NEW."id" AND "liveKey" IS NOT NULL;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Video_release_batch_key_on_failure" AFTER UPDATE OF "status" ON "Video"
  FOR EACH ROW WHEN (NEW."status" = 'FAILED' AND OLD."status" <> 'FAILED')
  EXECUTE FUNCTION video_release_batch_key();

CREATE TRIGGER "Video_release_batch_key_on_delete" BEFORE DELETE ON "Video"
  FOR EACH ROW EXECUTE FUNCTION video_release_batch_key();

-- The shared pace of create requests starts now.
INSERT INTO "SubmitGate" ("name", "nextAt") VALUES ('heygen-create', CURRENT_TIMESTAMP);
