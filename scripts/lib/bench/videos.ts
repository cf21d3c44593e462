import { randomBytes } from "node:crypto";
import pg from "pg";
import { pool } from "../http-load";
import type { LoadVideo, Stack } from "../webhook-load-stack";
import { fakeLooks } from "../../../src/mocks/heygen/fake-heygen";
import { API_KEY } from "./stack";

/** Job creation is set-up, not what is measured: gentle on the fake. */
const SETUP_CONCURRENCY = 10;

/**
 * Videos still rendering as far as the app knows (PROCESSING, no webhook yet), each with the success delivery HeyGen
 * would send. Like load:webhooks' `createVideos`, but with ids shaped like the app's cuid2s: the status route and the
 * watch page answer 404 to any other id, the webhook does not look.
 */
export async function createRenderingVideos({ heygen, databaseUrl }: Stack, count: number): Promise<LoadVideo[]> {
  const avatarId = fakeLooks[0]!.id;
  const ids = Array.from({ length: count }, () => randomBytes(12).toString("hex"));
  const jobIds = await pool(count, SETUP_CONCURRENCY, async (index) => {
    const response = await fetch(`${heygen.url}/v3/videos`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": API_KEY },
      body: JSON.stringify({
        type: "avatar",
        avatar_id: avatarId,
        script: `Bench video ${index + 1}.`,
        title: `Bench ${index + 1}`,
        aspect_ratio: "16:9",
        resolution: "720p",
        callback_id: ids[index],
      }),
    });
    if (!response.ok) throw new Error(`fake HeyGen refused a create: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { data: { video_id: string } }).data.video_id;
  });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // unnest() keeps it one statement with 4 parameters whatever the count.
    await client.query(
      `INSERT INTO "Video" ("id", "heygenVideoId", "title", "script", "avatarId", "voiceId", "aspectRatio", "resolution", "status", "createdAt", "updatedAt")
       SELECT id, heygen_id, 'Bench ' || n, 'Bench video ' || n || '.', $4, NULL, '16:9', '720p', 'PROCESSING'::"VideoStatus", now(), now()
       FROM unnest($1::text[], $2::text[], $3::int[]) AS v(id, heygen_id, n)`,
      [ids, jobIds, ids.map((_, index) => index + 1), avatarId],
    );
  } finally {
    await client.end();
  }
  // The fake renders at once: its own event gives the event id, time and a media URL it serves.
  const events = new Map(heygen.fake.events.map((event) => [event.event_data.video_id, event]));
  return jobIds.map((jobId, index) => {
    const { event_id, event_type, created_at, event_data } = events.get(jobId)!;
    const { video_id, callback_id, video_url } = event_data;
    return {
      id: ids[index]!,
      eventId: event_id,
      body: JSON.stringify({ event_id, event_type, created_at, event_data: { video_id, callback_id, video_url } }),
    };
  });
}
