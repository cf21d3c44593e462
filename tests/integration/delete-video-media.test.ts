import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DELETE as deleteRoute } from "@/app/api/admin/videos/[id]/route";
import { db } from "@/server/db";
import { logger } from "@/server/logger";
import { mediaStorage } from "@/server/media/storage";
import { STORED_FILE_TYPES, videoKeyPrefix, type StoredMedia } from "@/server/media/storage/stored-media";
import { completedVideo } from "../support/completed-video";
import { heygenServer } from "../support/heygen";
import { adminCookie } from "../support/requests";
import { restartProcess } from "../support/restart-process";
import { startS3Server, type S3TestServer } from "../support/s3-server";
import { TEST_ENV } from "../support/test-env";

let s3: S3TestServer;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(() => s3?.stop());
beforeEach(() => heygenServer.use(s3.passthrough));

/** This process as one deployed with that storage: local files in a fresh MEDIA_DIR, or a fresh bucket. */
async function runWith(kind: "local" | "s3") {
  const settings =
    kind === "local"
      ? { MEDIA_STORAGE: "local", MEDIA_DIR: await fs.mkdtemp(path.join(os.tmpdir(), "media-")) }
      : await s3.newBucketEnv();
  for (const [name, value] of Object.entries(settings)) vi.stubEnv(name, value);
  await restartProcess();
  return settings;
}

/** A completed video with its media stored, as the copy job leaves it, and the other video's, which must stay. */
async function storedVideo() {
  const video = await completedVideo();
  const put = (kind: "video" | "thumbnail" | "vtt", text: string) =>
    mediaStorage().put(videoKeyPrefix(video.id), STORED_FILE_TYPES[kind].ext, Readable.from([Buffer.from(text)]), {
      contentType: STORED_FILE_TYPES[kind].contentType,
      maxBytes: 1_000,
    });
  const storedMedia: StoredMedia = {
    storage: mediaStorage().kind,
    files: {
      video: await put("video", "mp4 bytes"),
      thumbnail: await put("thumbnail", "jpg"),
      vtt: await put("vtt", "WEBVTT"),
    },
  };
  await db.video.update({ where: { id: video.id }, data: { storedMedia, mediaStoredAt: new Date() } });
  return { video, keys: Object.values(storedMedia.files).map((file) => file.key) };
}

async function deleteVideo(id: string) {
  const request = new NextRequest(`${TEST_ENV.APP_URL}/api/admin/videos/${id}`, {
    method: "DELETE",
    headers: { cookie: await adminCookie() },
  });
  return deleteRoute(request, { params: Promise.resolve({ id }) });
}

const readable = async (key: string) => (await mediaStorage().read(key)) !== null;

describe.each(["local", "s3"] as const)("DELETE /api/admin/videos/[id] with %s storage", (kind) => {
  it("removes the video's stored files, and no other video's", async () => {
    await runWith(kind);
    const doomed = await storedVideo();
    const other = await storedVideo();
    expect(await Promise.all(doomed.keys.map(readable))).toEqual([true, true, true]);

    expect((await deleteVideo(doomed.video.id)).status).toBe(200);

    expect(await Promise.all(doomed.keys.map(readable))).toEqual([false, false, false]);
    expect(await Promise.all(other.keys.map(readable))).toEqual([true, true, true]);
  });
});

describe("when the storage cannot remove the files", () => {
  it("still deletes the video, and logs which prefix is left to remove", async () => {
    const { S3_BUCKET: bucket } = (await runWith("s3")) as { S3_BUCKET: string };
    const { video, keys } = await storedVideo();
    vi.stubEnv("S3_BUCKET", "no-such-bucket"); // the storage refuses every removal from now on
    await restartProcess();
    const logged = vi.spyOn(logger, "error");

    expect((await deleteVideo(video.id)).status).toBe(200);

    expect(await db.video.findUnique({ where: { id: video.id } })).toBeNull();
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ videoId: video.id, storage: "s3", prefix: `videos/${video.id}/` }),
      expect.stringContaining("could not remove its stored media"),
    );
    expect(await s3.keys(bucket)).toEqual(keys.sort()); // left for removal by hand, as the log line says
  });
});
