-- AlterTable
ALTER TABLE "Video" ADD COLUMN     "mediaCopyAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "mediaCopyError" TEXT,
ADD COLUMN     "mediaCopyFailedAt" TIMESTAMP(3),
ADD COLUMN     "mediaStoredAt" TIMESTAMP(3),
ADD COLUMN     "storedMedia" JSONB;

-- Viewers' answers switch to our own URLs when the copy is stored: the change trigger (docs/triggers.md) watches the
-- two columns the public video reads ("storedMedia", "mediaStoredAt") besides the earlier ones. The copy's
-- bookkeeping (attempts, error, failedAt) wakes nobody. tests/integration/video-changes-trigger.test.ts checks the list.
DROP TRIGGER "video_updated" ON "Video";
CREATE TRIGGER "video_updated" AFTER UPDATE ON "Video"
  FOR EACH ROW
  WHEN ((OLD."status", OLD."title", OLD."videoUrl", OLD."thumbnailUrl", OLD."subtitleUrl", OLD."duration", OLD."error",
         OLD."unconfirmedReason", OLD."completedAt", OLD."createdAt", OLD."aspectRatio", OLD."resolution", OLD."mediaExpiresAt",
         OLD."detailsAt", OLD."storedMedia", OLD."mediaStoredAt")
    IS DISTINCT FROM
        (NEW."status", NEW."title", NEW."videoUrl", NEW."thumbnailUrl", NEW."subtitleUrl", NEW."duration", NEW."error",
         NEW."unconfirmedReason", NEW."completedAt", NEW."createdAt", NEW."aspectRatio", NEW."resolution", NEW."mediaExpiresAt",
         NEW."detailsAt", NEW."storedMedia", NEW."mediaStoredAt"))
  EXECUTE FUNCTION "notify_video_changed"();
