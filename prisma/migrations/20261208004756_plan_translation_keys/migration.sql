-- A plan translation (issue 19) is a batch item linked to a variant of its pair's video. When that video is rejected in
-- review, its pair counts as missing again (Video_release_batch_key_on_rejection) and the next "Generate what is
-- missing" remakes it: its translations must count as missing too, so that the new video is translated. So the
-- rejection also releases the keys of the items linked to the rejected video's variants (docs/triggers.md).
-- (A failed video has no variants; a deleted one's variants are deleted with it, each releasing its own item's key.)
CREATE FUNCTION video_release_translation_keys() RETURNS trigger AS $$
BEGIN
  UPDATE "BatchItem" SET "liveKey" = NULL
  WHERE "liveKey" IS NOT NULL AND "videoId" IN (SELECT "id" FROM "Video" WHERE "sourceVideoId" = NEW."id");
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Video_release_translation_keys_on_rejection" AFTER UPDATE OF "rejectedAt" ON "Video"
  FOR EACH ROW WHEN (NEW."rejectedAt" IS NOT NULL AND OLD."rejectedAt" IS NULL)
  EXECUTE FUNCTION video_release_translation_keys();
