-- CreateEnum
CREATE TYPE "OutgoingMessageStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT,
    "events" TEXT[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "secretCiphertext" TEXT NOT NULL,
    "disabledReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutgoingEvent" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "type" TEXT NOT NULL,
    "videoId" TEXT,
    "batchId" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "payload" JSONB,
    "fannedOutAt" TIMESTAMP(3),

    CONSTRAINT "OutgoingEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutgoingMessage" (
    "id" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "status" "OutgoingMessageStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OutgoingMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutgoingAttempt" (
    "id" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "attemptedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "durationMs" INTEGER NOT NULL,
    "responseStatus" INTEGER,
    "responseBody" TEXT,
    "error" TEXT,
    "trigger" TEXT NOT NULL DEFAULT 'auto',

    CONSTRAINT "OutgoingAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OutgoingEvent_dedupeKey_key" ON "OutgoingEvent"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutgoingEvent_fannedOutAt_occurredAt_idx" ON "OutgoingEvent"("fannedOutAt", "occurredAt");

-- CreateIndex
CREATE INDEX "OutgoingMessage_endpointId_createdAt_idx" ON "OutgoingMessage"("endpointId", "createdAt");

-- CreateIndex
CREATE INDEX "OutgoingMessage_status_nextAttemptAt_idx" ON "OutgoingMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutgoingMessage_endpointId_eventId_key" ON "OutgoingMessage"("endpointId", "eventId");

-- CreateIndex
CREATE INDEX "OutgoingAttempt_messageId_attemptedAt_idx" ON "OutgoingAttempt"("messageId", "attemptedAt");

-- AddForeignKey
ALTER TABLE "OutgoingMessage" ADD CONSTRAINT "OutgoingMessage_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutgoingMessage" ADD CONSTRAINT "OutgoingMessage_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "OutgoingEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutgoingAttempt" ADD CONSTRAINT "OutgoingAttempt_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "OutgoingMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Outgoing webhooks' outbox (docs/triggers.md: Video_outgoing_events). Each event is written in the same transaction as
-- the change it announces, whichever statement made it (the status transition, the signed webhook's one statement,
-- changeVisibility, publishDue), and at most once per video and type (the dedupe key).
CREATE FUNCTION video_outgoing_events() RETURNS trigger AS $$
BEGIN
  IF NEW."status" IN ('COMPLETED', 'FAILED') AND (TG_OP = 'INSERT' OR OLD."status" IS DISTINCT FROM NEW."status") THEN
    INSERT INTO "OutgoingEvent" ("type", "videoId", "dedupeKey", "occurredAt")
    VALUES (CASE NEW."status" WHEN 'COMPLETED' THEN 'video.completed' ELSE 'video.failed' END, NEW."id",
            CASE NEW."status" WHEN 'COMPLETED' THEN 'video.completed:' ELSE 'video.failed:' END || NEW."id",
            clock_timestamp())
    ON CONFLICT ("dedupeKey") DO NOTHING;
  END IF;
  IF NEW."publishedAt" IS NOT NULL AND (TG_OP = 'INSERT' OR OLD."publishedAt" IS NULL) THEN
    INSERT INTO "OutgoingEvent" ("type", "videoId", "dedupeKey", "occurredAt")
    VALUES ('video.published', NEW."id", 'video.published:' || NEW."id", clock_timestamp())
    ON CONFLICT ("dedupeKey") DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Video_outgoing_events" AFTER INSERT OR UPDATE OF "status", "publishedAt" ON "Video"
  FOR EACH ROW EXECUTE FUNCTION video_outgoing_events();

-- Batches already finished before outgoing webhooks existed are recorded as announced, so that no endpoint added later
-- receives a burst of old batch.finished events.
INSERT INTO "OutgoingEvent" ("type", "batchId", "dedupeKey", "occurredAt", "fannedOutAt")
SELECT 'batch.finished', b."id", 'batch.finished:' || b."id", now(), now()
FROM "Batch" b
WHERE NOT EXISTS (
  SELECT 1 FROM "BatchItem" i LEFT JOIN "Video" v ON v."id" = i."videoId"
  WHERE i."batchId" = b."id"
    AND (i."status" = 'QUEUED' OR (i."status" = 'SUBMITTING' AND v."id" IS NULL)
         OR (i."status" IN ('SUBMITTING', 'SENT') AND v."status" IN ('PENDING', 'PROCESSING'))));
