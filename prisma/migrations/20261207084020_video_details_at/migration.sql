-- AlterTable
ALTER TABLE "Video" ADD COLUMN     "detailsAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Video_status_detailsAt_idx" ON "Video"("status", "detailsAt");

-- Videos completed before this column existed are settled as they stand: their players and the admin list stopped
-- waiting for details a minute after completion. (Before the trigger below watches the column: no announcements.)
UPDATE "Video" SET "detailsAt" = COALESCE("completedAt", "updatedAt") WHERE "status" = 'COMPLETED';

-- The announcement of changes (migration 20261125183000_notify_video_changes) also fires when a video settles:
-- the public video's `settled` is read from "detailsAt". Same columns as before, plus that one; the function is
-- unchanged. tests/integration/video-changes-trigger.test.ts checks that this list covers every column the public
-- video is built from (src/lib/video.ts PUBLIC_VIDEO_COLUMNS).
DROP TRIGGER "video_updated" ON "Video";
CREATE TRIGGER "video_updated" AFTER UPDATE ON "Video"
  FOR EACH ROW
  WHEN ((OLD."status", OLD."title", OLD."videoUrl", OLD."thumbnailUrl", OLD."subtitleUrl", OLD."duration", OLD."error",
         OLD."unconfirmedReason", OLD."completedAt", OLD."createdAt", OLD."aspectRatio", OLD."resolution", OLD."mediaExpiresAt",
         OLD."detailsAt")
    IS DISTINCT FROM
        (NEW."status", NEW."title", NEW."videoUrl", NEW."thumbnailUrl", NEW."subtitleUrl", NEW."duration", NEW."error",
         NEW."unconfirmedReason", NEW."completedAt", NEW."createdAt", NEW."aspectRatio", NEW."resolution", NEW."mediaExpiresAt",
         NEW."detailsAt"))
  EXECUTE FUNCTION "notify_video_changed"();
