-- Formats become aspect ratio × resolution (HeyGen v3 has no width/height). Existing rows are mapped
-- to the nearest preset, exactly as src/lib/video-format.ts nearestFormat() maps legacy API input:
-- the aspect ratio nearest on a log scale (bounds are the geometric means of neighbouring presets)
-- and the resolution nearest by the short edge (720 | 1080 | 2160).
ALTER TABLE "Video" ADD COLUMN "aspectRatio" TEXT,
ADD COLUMN     "resolution" TEXT;

UPDATE "Video" SET
  "aspectRatio" = CASE
    WHEN "width"::float8 / "height" < 0.6708 THEN '9:16'
    WHEN "width"::float8 / "height" < 0.8944 THEN '4:5'
    WHEN "width"::float8 / "height" < 1.1180 THEN '1:1'
    WHEN "width"::float8 / "height" < 1.4907 THEN '5:4'
    ELSE '16:9'
  END,
  "resolution" = CASE
    WHEN LEAST("width", "height") < 900 THEN '720p'
    WHEN LEAST("width", "height") < 1620 THEN '1080p'
    ELSE '4k'
  END;

ALTER TABLE "Video" ALTER COLUMN "aspectRatio" SET NOT NULL,
ALTER COLUMN "resolution" SET NOT NULL,
DROP COLUMN "height",
DROP COLUMN "width",
ADD COLUMN     "heygenCheckedAt" TIMESTAMP(3),
ADD COLUMN     "subtitleUrl" TEXT,
ADD COLUMN     "unconfirmedReason" TEXT,
ALTER COLUMN "voiceId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "HeygenEvent" (
    "eventId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "heygenVideoId" TEXT,
    "videoId" TEXT,
    "outcome" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HeygenEvent_pkey" PRIMARY KEY ("eventId")
);

-- CreateIndex
CREATE INDEX "HeygenEvent_videoId_idx" ON "HeygenEvent"("videoId");

-- AddForeignKey
ALTER TABLE "HeygenEvent" ADD CONSTRAINT "HeygenEvent_videoId_fkey" FOREIGN KEY ("videoId") REFERENCES "Video"("id") ON DELETE SET NULL ON UPDATE CASCADE;
