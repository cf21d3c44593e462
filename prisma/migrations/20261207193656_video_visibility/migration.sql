-- CreateEnum
CREATE TYPE "VideoVisibility" AS ENUM ('DRAFT', 'PRIVATE', 'UNLISTED', 'PUBLIC');

-- AlterTable
ALTER TABLE "Video" ADD COLUMN     "publishAt" TIMESTAMP(3),
ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "visibility" "VideoVisibility" NOT NULL DEFAULT 'PUBLIC';

-- Every video made so far was public the moment it completed.
UPDATE "Video" SET "publishedAt" = "completedAt" WHERE "status" = 'COMPLETED';

-- What viewers may see changes with these three: the change trigger (docs/triggers.md) watches them too, so every
-- instance's cache and every open page hear of a publish or a hide within a second.
DROP TRIGGER "video_updated" ON "Video";
CREATE TRIGGER "video_updated" AFTER UPDATE ON "Video"
  FOR EACH ROW
  WHEN ((OLD."status", OLD."title", OLD."videoUrl", OLD."thumbnailUrl", OLD."subtitleUrl", OLD."duration", OLD."error",
         OLD."unconfirmedReason", OLD."completedAt", OLD."createdAt", OLD."aspectRatio", OLD."resolution", OLD."mediaExpiresAt",
         OLD."detailsAt", OLD."storedMedia", OLD."mediaStoredAt", OLD."visibility", OLD."publishAt", OLD."publishedAt")
    IS DISTINCT FROM
        (NEW."status", NEW."title", NEW."videoUrl", NEW."thumbnailUrl", NEW."subtitleUrl", NEW."duration", NEW."error",
         NEW."unconfirmedReason", NEW."completedAt", NEW."createdAt", NEW."aspectRatio", NEW."resolution", NEW."mediaExpiresAt",
         NEW."detailsAt", NEW."storedMedia", NEW."mediaStoredAt", NEW."visibility", NEW."publishAt", NEW."publishedAt"))
  EXECUTE FUNCTION "notify_video_changed"();
