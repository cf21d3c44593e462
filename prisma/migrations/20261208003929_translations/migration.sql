-- AlterTable
ALTER TABLE "BatchItem" ADD COLUMN     "language" TEXT;

-- AlterTable
ALTER TABLE "Presenter" ADD COLUMN     "languages" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Video" ADD COLUMN     "language" TEXT,
ADD COLUMN     "sourceVideoId" TEXT,
ADD COLUMN     "variantKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Video_variantKey_key" ON "Video"("variantKey");

-- CreateIndex
CREATE INDEX "Video_sourceVideoId_idx" ON "Video"("sourceVideoId");

-- AddForeignKey
ALTER TABLE "Video" ADD CONSTRAINT "Video_sourceVideoId_fkey" FOREIGN KEY ("sourceVideoId") REFERENCES "Video"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A failed translation lets go of its language, so that a retry can make a new variant (docs/triggers.md).
-- BEFORE UPDATE: the same statement that fails it clears the key, whichever path fails it.
CREATE FUNCTION video_release_variant_key() RETURNS trigger AS $$
BEGIN
  NEW."variantKey" := NULL;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Video_release_variant_key" BEFORE INSERT OR UPDATE OF "status" ON "Video"
  FOR EACH ROW WHEN (NEW."status" = 'FAILED' AND NEW."variantKey" IS NOT NULL)
  EXECUTE FUNCTION video_release_variant_key();

-- A translation's change is news for its source's watchers too (its language menu): the source's id is announced
-- as well, so every instance drops the source's cached row and wakes whoever waits on it.
CREATE OR REPLACE FUNCTION "notify_video_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed "Video"%ROWTYPE;
BEGIN
  IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
  PERFORM pg_notify('video_changed', changed."id");
  IF changed."sourceVideoId" IS NOT NULL THEN
    PERFORM pg_notify('video_changed', changed."sourceVideoId");
  END IF;
  RETURN NULL;
END
$$;
