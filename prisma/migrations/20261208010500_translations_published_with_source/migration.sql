-- A translation (issue 19: a variant, "sourceVideoId" set) is published with its source: it carries the source's
-- "publishedAt" (changeVisibility, publishDue), and viewers reach it only through the source's watch page. Its first
-- "publishedAt" is therefore no news of its own: video.published is announced for the source only (docs/triggers.md).
-- video.completed and video.failed are announced for every video, translations included.
CREATE OR REPLACE FUNCTION video_outgoing_events() RETURNS trigger AS $$
BEGIN
  IF NEW."status" IN ('COMPLETED', 'FAILED') AND (TG_OP = 'INSERT' OR OLD."status" IS DISTINCT FROM NEW."status") THEN
    INSERT INTO "OutgoingEvent" ("type", "videoId", "dedupeKey", "occurredAt")
    VALUES (CASE NEW."status" WHEN 'COMPLETED' THEN 'video.completed' ELSE 'video.failed' END, NEW."id",
            CASE NEW."status" WHEN 'COMPLETED' THEN 'video.completed:' ELSE 'video.failed:' END || NEW."id",
            clock_timestamp())
    ON CONFLICT ("dedupeKey") DO NOTHING;
  END IF;
  IF NEW."publishedAt" IS NOT NULL AND (TG_OP = 'INSERT' OR OLD."publishedAt" IS NULL)
     AND NEW."sourceVideoId" IS NULL THEN
    INSERT INTO "OutgoingEvent" ("type", "videoId", "dedupeKey", "occurredAt")
    VALUES ('video.published', NEW."id", 'video.published:' || NEW."id", clock_timestamp())
    ON CONFLICT ("dedupeKey") DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
