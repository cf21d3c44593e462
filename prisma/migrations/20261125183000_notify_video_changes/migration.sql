-- Every change a viewer can see is announced on the channel `video_changed` (payload: the video's id), so that
-- every app instance (LISTEN video_changed) drops its cached copy and wakes the long-polls waiting for it.
-- NOTIFY inside a transaction is sent at commit: a rolled-back change announces nothing.
CREATE FUNCTION "notify_video_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('video_changed', CASE WHEN TG_OP = 'DELETE' THEN OLD."id" ELSE NEW."id" END);
  RETURN NULL;
END
$$;

CREATE TRIGGER "video_inserted_or_deleted" AFTER INSERT OR DELETE ON "Video"
  FOR EACH ROW EXECUTE FUNCTION "notify_video_changed"();

-- Only columns viewers' answers depend on (what the API shows, and the URLs' expiry): bookkeeping claims
-- (heygenCheckedAt, mediaRefreshAt) wake nobody.
CREATE TRIGGER "video_updated" AFTER UPDATE ON "Video"
  FOR EACH ROW
  WHEN ((OLD."status", OLD."title", OLD."videoUrl", OLD."thumbnailUrl", OLD."subtitleUrl", OLD."duration", OLD."error",
         OLD."unconfirmedReason", OLD."completedAt", OLD."createdAt", OLD."aspectRatio", OLD."resolution", OLD."mediaExpiresAt")
    IS DISTINCT FROM
        (NEW."status", NEW."title", NEW."videoUrl", NEW."thumbnailUrl", NEW."subtitleUrl", NEW."duration", NEW."error",
         NEW."unconfirmedReason", NEW."completedAt", NEW."createdAt", NEW."aspectRatio", NEW."resolution", NEW."mediaExpiresAt"))
  EXECUTE FUNCTION "notify_video_changed"();
