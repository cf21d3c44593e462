-- AlterTable
ALTER TABLE "Video" ADD COLUMN     "spokenLanguage" TEXT;

-- The watch page names the original with its spoken language: a change of it is news for viewers (docs/triggers.md).
DROP TRIGGER "video_updated" ON "Video";
CREATE TRIGGER "video_updated" AFTER UPDATE ON "Video"
  FOR EACH ROW
  WHEN ((OLD."status", OLD."title", OLD."videoUrl", OLD."thumbnailUrl", OLD."subtitleUrl", OLD."duration", OLD."error",
         OLD."unconfirmedReason", OLD."completedAt", OLD."createdAt", OLD."aspectRatio", OLD."resolution", OLD."mediaExpiresAt",
         OLD."detailsAt", OLD."storedMedia", OLD."mediaStoredAt", OLD."visibility", OLD."publishAt", OLD."publishedAt",
         OLD."publicMediaAt", OLD."spokenLanguage")
    IS DISTINCT FROM
        (NEW."status", NEW."title", NEW."videoUrl", NEW."thumbnailUrl", NEW."subtitleUrl", NEW."duration", NEW."error",
         NEW."unconfirmedReason", NEW."completedAt", NEW."createdAt", NEW."aspectRatio", NEW."resolution", NEW."mediaExpiresAt",
         NEW."detailsAt", NEW."storedMedia", NEW."mediaStoredAt", NEW."visibility", NEW."publishAt", NEW."publishedAt",
         NEW."publicMediaAt", NEW."spokenLanguage"))
  EXECUTE FUNCTION "notify_video_changed"();
