import "server-only";
import { db } from "@/server/db";
import { heygen } from "@/server/heygen-client";
import { enqueueMediaCopyOf } from "@/server/queue/media-copy-jobs";
import { recordRenderDetails } from "@/server/media/render-details";
import { claimAndSync } from "@/server/sync/ask-heygen";
import { applySignedEvent } from "./apply-signed-event";
import { parseHeygenEvent } from "./parse-event";

const CURSOR = "heygen_webhook_events_seen_until";
/** With no cursor yet (first run), events older than this are not replayed. */
const FIRST_LOOK_BACK_MS = 24 * 3600 * 1000;

/**
 * Reads HeyGen's history of webhook events (GET /v3/webhooks/events) since the last run and applies the ones
 * never received, exactly as if they had been delivered: HeyGen's official way to catch up on lost deliveries.
 * Events come from HeyGen's API, so they are trusted like signed ones; their ids keep them from applying twice.
 */
export async function catchUpWebhookEvents(now = new Date()): Promise<number> {
  const cursor = await db.syncState.findUnique({ where: { name: CURSOR } });
  const seenUntil = cursor ? Date.parse(cursor.value) : now.getTime() - FIRST_LOOK_BACK_MS;
  const events = await heygen.listWebhookEvents((event) => Date.parse(event.createdAt) <= seenUntil);
  if (events.length === 0) return 0;

  const known = await db.heygenEvent.findMany({
    where: { eventId: { in: events.map((e) => e.eventId) } },
    select: { eventId: true },
  });
  const knownIds = new Set(known.map((e) => e.eventId));
  let applied = 0;
  for (const event of [...events].reverse()) {
    if (knownIds.has(event.eventId)) continue;
    const parsed = { ...parseHeygenEvent(event.payload), eventId: event.eventId };
    const result = await applySignedEvent(parsed, {
      requestId: null,
      scheme: "events_api",
      body: JSON.stringify(event.payload),
    });
    // A translation's event: its variant is asked about through the sync path (which completes and copies it).
    if (result.outcome === "needs_check" && result.videoId) {
      const synced = await claimAndSync(result.videoId, { heygenVideoId: result.heygenVideoId });
      if (synced === "finished") applied++;
      continue;
    }
    if (result.outcome !== "applied") continue;
    applied++;
    if (parsed.kind === "success" && result.videoId) {
      await recordRenderDetails(result.videoId);
      await enqueueMediaCopyOf(result.videoId);
    }
  }
  const newest = new Date(Math.max(...events.map((e) => Date.parse(e.createdAt)))).toISOString();
  await db.syncState.upsert({
    where: { name: CURSOR },
    create: { name: CURSOR, value: newest },
    update: { value: newest },
  });
  return applied;
}
