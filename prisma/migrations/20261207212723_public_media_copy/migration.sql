-- AlterTable
ALTER TABLE "Video" ADD COLUMN     "publicMediaAt" TIMESTAMP(3);

-- Existing videos start with no public copy: the public-media sweep (src/server/media/public-copy/) copies those
-- viewers may see to the `public/` prefix, a few hundred a minute; until then their media is served presigned.

-- Once the public copy exists, every instance must drop its cached row so viewers' media moves to the public URL: the
-- change trigger (docs/triggers.md) watches publicMediaAt too.
DROP TRIGGER "video_updated" ON "Video";
CREATE TRIGGER "video_updated" AFTER UPDATE ON "Video"
  FOR EACH ROW
  WHEN ((OLD."status", OLD."title", OLD."videoUrl", OLD."thumbnailUrl", OLD."subtitleUrl", OLD."duration", OLD."error",
         OLD."unconfirmedReason", OLD."completedAt", OLD."createdAt", OLD."aspectRatio", OLD."resolution", OLD."mediaExpiresAt",
         OLD."detailsAt", OLD."storedMedia", OLD."mediaStoredAt", OLD."visibility", OLD."publishAt", OLD."publishedAt",
         OLD."publicMediaAt")
    IS DISTINCT FROM
        (NEW."status", NEW."title", NEW."videoUrl", NEW."thumbnailUrl", NEW."subtitleUrl", NEW."duration", NEW."error",
         NEW."unconfirmedReason", NEW."completedAt", NEW."createdAt", NEW."aspectRatio", NEW."resolution", NEW."mediaExpiresAt",
         NEW."detailsAt", NEW."storedMedia", NEW."mediaStoredAt", NEW."visibility", NEW."publishAt", NEW."publishedAt",
         NEW."publicMediaAt"))
  EXECUTE FUNCTION "notify_video_changed"();
