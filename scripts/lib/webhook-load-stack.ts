/**
 * What `npm run load:webhooks` loads: a throwaway PostgreSQL, the fake HeyGen over HTTP and `next start` of the
 * production build, and N videos that both HeyGen and the app know about, each with the success event HeyGen
 * would deliver for it.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "../db/schema-engine";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { pool } from "./http-load";
import { startApp, type RunningApp } from "./start-app";
import { fakeLooks } from "../../src/mocks/heygen/fake-heygen";
import { startFakeHeygenServer, type FakeHeygenServer } from "../../src/mocks/heygen/http-server";

const API_KEY = "load-heygen-key";
/** Job creation is set-up, not what is measured: gentle on the fake. */
const SETUP_CONCURRENCY = 10;

export type Stack = {
  databaseUrl: string;
  /** The postmaster: its backends' CPU is PostgreSQL's share. */
  postgresPid: number | undefined;
  heygen: FakeHeygenServer;
  app: RunningApp;
  /** The app's HEYGEN_SECRET, to sign deliveries with. */
  secret: string;
};

/** A video row and the body of its success delivery. */
export type LoadVideo = { id: string; eventId: string; body: string };

/** Starts the three; `onStarted` gets each one's stop as soon as it runs, so that a later failure still stops it. */
export async function startStack(videos: number, onStarted: (stop: () => Promise<void>) => void): Promise<Stack> {
  const database = await startEmbeddedPostgres({ persistent: false });
  onStarted(database.stop);
  await applyMigrations(database.url);
  // No deliveries of its own (only ours arrive), renders done at once, one credit per video so that none fails.
  const heygen = await startFakeHeygenServer({
    apiKey: API_KEY,
    renderMs: 0,
    deliverWebhooks: false,
    initialCredits: videos,
  });
  onStarted(heygen.close);
  const secret = `whsec_load_${randomBytes(16).toString("hex")}`;
  const app = await startApp({
    DATABASE_URL: database.url,
    HEYGEN_API_URL: heygen.url,
    HEYGEN_API_KEY: API_KEY,
    HEYGEN_SECRET: secret,
    ADMIN_PASSWORD: "load-admin-password",
    SESSION_SECRET: randomBytes(32).toString("hex"),
    LOG_LEVEL: "warn",
  });
  onStarted(app.stop);
  const postgresPid =
    Number(readFileSync(path.join(database.dataDir, "postmaster.pid"), "utf8").split("\n")[0]) || undefined;
  return { databaseUrl: database.url, postgresPid, heygen, app, secret };
}

async function withDatabase<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** N jobs made through the fake's real API, then their rows in one INSERT, as if the app had created them. */
export async function createVideos({ heygen, databaseUrl }: Stack, count: number): Promise<LoadVideo[]> {
  const avatarId = fakeLooks[0]!.id;
  const ids = Array.from({ length: count }, () => randomUUID());
  const jobIds = await pool(count, SETUP_CONCURRENCY, async (index) => {
    const response = await fetch(`${heygen.url}/v3/videos`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": API_KEY },
      body: JSON.stringify({
        type: "avatar",
        avatar_id: avatarId,
        script: `Load test video ${index + 1}.`,
        title: `Load ${index + 1}`,
        aspect_ratio: "16:9",
        resolution: "720p",
        callback_id: ids[index],
      }),
    });
    if (!response.ok) throw new Error(`fake HeyGen refused a create: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { data: { video_id: string } }).data.video_id;
  });
  // unnest() keeps it one statement with 4 parameters whatever N is (a VALUES list would hit 65 535 parameters).
  await withDatabase(databaseUrl, (client) =>
    client.query(
      `INSERT INTO "Video" ("id", "heygenVideoId", "title", "script", "avatarId", "voiceId", "aspectRatio", "resolution", "status", "createdAt", "updatedAt")
       SELECT id, heygen_id, 'Load ' || n, 'Load test video ' || n || '.', $4, NULL, '16:9', '720p', 'PROCESSING'::"VideoStatus", now(), now()
       FROM unnest($1::text[], $2::text[], $3::int[]) AS v(id, heygen_id, n)`,
      [ids, jobIds, ids.map((_, index) => index + 1), avatarId],
    ),
  );
  // With renderMs 0 every job has finished already: the fake's own event gives its id, time and a media URL it serves.
  const events = new Map(heygen.fake.events.map((event) => [event.event_data.video_id, event]));
  return jobIds.map((jobId, index) => {
    const event = events.get(jobId)!;
    const { video_id, callback_id, video_url } = event.event_data;
    const body = {
      event_id: event.event_id,
      event_type: event.event_type,
      created_at: event.created_at,
      event_data: { video_id, callback_id, video_url },
    };
    return { id: ids[index]!, eventId: event.event_id, body: JSON.stringify(body) };
  });
}

/** How many of these videos are COMPLETED, and how many of those have their render details (the after() work). */
export async function countVideos(
  databaseUrl: string,
  ids: string[],
): Promise<{ completed: number; detailed: number }> {
  const { rows } = await withDatabase(databaseUrl, (client) =>
    client.query<{ completed: number; detailed: number }>(
      `SELECT count(*) FILTER (WHERE status = 'COMPLETED')::int AS completed,
              count(*) FILTER (WHERE status = 'COMPLETED' AND "thumbnailUrl" IS NOT NULL)::int AS detailed
       FROM "Video" WHERE id = ANY($1::text[])`,
      [ids],
    ),
  );
  return rows[0]!;
}

/** The app's warnings and errors grouped by message (JSON log lines by `err.message` or `msg`, others as they are). */
export function appProblems(output: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of output.split("\n")) {
    let key = line.trim();
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } | string };
      if ((entry.level ?? 0) < 40) continue; // pino: 40 warn, 50 error, 60 fatal
      key = (typeof entry.err === "string" ? entry.err : entry.err?.message) ?? entry.msg ?? key;
    } catch {
      if (!/error|warn|fail/i.test(key)) continue; // console lines, Next's own
    }
    key = key.replace(/\s+/g, " ").slice(0, 200); // Prisma's messages span lines
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
