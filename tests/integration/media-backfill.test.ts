import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { http, passthrough } from "msw";
import { describe, expect, inject, it } from "vitest";
import { startFakeHeygenServer } from "@/mocks/heygen/http-server";
import { db } from "@/server/db";
import { parseStoredMedia } from "@/server/media/storage/stored-media";
import { heygenServer } from "../support/heygen";
import { videoRow } from "../support/requests";
import { runScript } from "../support/run-script";

const root = path.resolve(import.meta.dirname, "../..");
const API_KEY = "backfill-key";
const DAY = 24 * 3600 * 1000;

describe("npm run media:backfill", () => {
  it("copies every completed video not yet stored, with progress; a second run finds nothing to do", async () => {
    const heygen = await startFakeHeygenServer({ apiKey: API_KEY, renderMs: 0, deliverWebhooks: false });
    // This process's fetch goes through MSW: let it reach the real fake server.
    heygenServer.use(http.all(`${heygen.url}/*`, () => passthrough()));
    const mediaDir = await fs.mkdtemp(path.join(os.tmpdir(), "media-backfill-test-"));
    try {
      const fresh = await completedAt(heygen.url);
      // Completed "a week ago": its stored URLs have expired, so the copy asks HeyGen for fresh ones first.
      const weekOld = await completedAt(heygen.url, { mediaExpiresAt: new Date(Date.now() - DAY), expired: true });
      const rendering = await db.video.create({ data: { ...videoRow, status: "PROCESSING" } });

      const env = {
        DATABASE_URL: inject("databaseUrl"),
        HEYGEN_API_URL: heygen.url,
        HEYGEN_API_KEY: API_KEY,
        MEDIA_DIR: mediaDir,
        APP_URL: "https://videos.example.test",
        ADMIN_PASSWORD: "cli-admin-password",
        SESSION_SECRET: "cli-session-secret-of-at-least-32-chars",
        LOG_LEVEL: "silent",
      };
      const first = await runScript("media:backfill", env);
      expect(first.code, first.output).toBe(0);
      expect(first.output).toMatch(/\[1\/2\] Welcome: stored \d+\.\d MB \(\d+\.\d MB so far\)/);
      expect(first.output).toMatch(/\[2\/2\] Welcome: stored/);
      expect(first.output).toMatch(/Copied 2 of 2 videos \(\d+\.\d MB\); 0 left\./);

      const sample = await fs.readFile(path.join(root, "src/mocks/heygen/media/sample.mp4"));
      for (const id of [fresh.id, weekOld.id]) {
        const row = await db.video.findUniqueOrThrow({ where: { id } });
        const video = parseStoredMedia(row.storedMedia)!.files.video;
        const bytes = await fs.readFile(path.join(mediaDir, video.key));
        expect(createHash("sha256").update(bytes).digest("hex")).toBe(video.sha256);
        expect(bytes.equals(sample)).toBe(true);
      }
      expect(heygen.fake.jobs.size).toBe(2);
      expect((await db.video.findUniqueOrThrow({ where: { id: rendering.id } })).storedMedia).toBeNull();

      const second = await runScript("media:backfill", env);
      expect(second.code, second.output).toBe(0);
      expect(second.output).toContain("Nothing to copy: every completed video is stored.");
    } finally {
      await heygen.close();
      await fs.rm(mediaDir, { recursive: true, force: true });
    }
  }, 90_000);
});

/** A COMPLETED row for a job made at the fake over HTTP, its URLs the fake's (or expired ones). */
async function completedAt(url: string, options: { mediaExpiresAt?: Date; expired?: boolean } = {}) {
  const headers = { "x-api-key": API_KEY, "content-type": "application/json" };
  const created = (await fetch(`${url}/v3/videos`, {
    method: "POST",
    headers,
    body: JSON.stringify({ type: "avatar", avatar_id: videoRow.avatarId, script: "Hi", title: videoRow.title }),
  }).then((response) => response.json())) as { data: { video_id: string } };
  const { data } = (await fetch(`${url}/v3/videos/${created.data.video_id}`, { headers }).then((response) =>
    response.json(),
  )) as { data: { id: string; video_url: string; thumbnail_url: string; subtitle_url: string } };
  const expire = (signed: string) => (options.expired ? signed.replace(/Expires=\d+/, "Expires=1") : signed);
  return db.video.create({
    data: {
      ...videoRow,
      status: "COMPLETED",
      heygenVideoId: data.id,
      videoUrl: expire(data.video_url),
      thumbnailUrl: expire(data.thumbnail_url),
      subtitleUrl: expire(data.subtitle_url),
      mediaExpiresAt: options.mediaExpiresAt ?? new Date(Date.now() + 6 * DAY),
      completedAt: new Date(),
      detailsAt: new Date(),
    },
  });
}
