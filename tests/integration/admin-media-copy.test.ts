import { describe, expect, it, vi } from "vitest";
import { GET as overviewRoute } from "@/app/api/admin/overview/route";
import { GET as adminVideoRoute } from "@/app/api/admin/videos/[id]/route";
import { GET as adminVideosRoute } from "@/app/api/admin/videos/route";
import type { Prisma } from "@/generated/prisma/client";
import type { AdminVideoDetail } from "@/lib/admin-video-detail";
import type { MediaCopyState } from "@/lib/media-copy-state";
import type { Overview } from "@/lib/overview";
import type { AdminVideoPage } from "@/lib/video-list-query";
import { db } from "@/server/db";
import { adminCookie, getRequest, videoRow } from "../support/requests";
import { restartProcess } from "../support/restart-process";

// What the copy job (issue 17) writes; set by hand here, since these tests are about what admins are shown of it.
const STORED_AT = new Date("2026-12-01T09:00:00.000Z");
const FAILED_AT = new Date("2026-12-01T10:00:00.000Z");
const file = (name: string, bytes: number, contentType: string) => ({
  key: `videos/v/${name}`,
  bytes,
  sha256: "0".repeat(64),
  contentType,
});
const storedMedia = (storage: "local" | "s3", videoBytes: number) => ({
  storage,
  files: {
    video: file("00000000.mp4", videoBytes, "video/mp4"),
    thumbnail: file("00000000.jpg", 50_000, "image/jpeg"),
    srt: file("00000000.srt", 1_000, "application/x-subrip"),
    vtt: file("00000000.vtt", 1_100, "text/vtt; charset=utf-8"),
  },
});

const ROWS = {
  stored: {
    title: "stored",
    status: "COMPLETED",
    storedMedia: storedMedia("local", 10_000_000),
    mediaStoredAt: STORED_AT,
    mediaCopyAttempts: 2,
  },
  storedInS3: {
    title: "stored in s3",
    status: "COMPLETED",
    storedMedia: storedMedia("s3", 3_000_000_000),
    mediaStoredAt: STORED_AT,
    mediaCopyAttempts: 1,
  },
  copying: { title: "copying", status: "COMPLETED", mediaCopyAttempts: 1, mediaCopyError: "HeyGen's CDN answered 404" },
  failed: {
    title: "failed",
    status: "COMPLETED",
    mediaCopyAttempts: 5,
    mediaCopyError: "The source is larger than MEDIA_MAX_BYTES",
    mediaCopyFailedAt: FAILED_AT,
  },
  rendering: { title: "rendering", status: "PROCESSING" },
  renderFailed: { title: "render failed", status: "FAILED", error: "Avatar not found" },
} satisfies Record<string, Partial<Prisma.VideoCreateInput>>;

async function seed(): Promise<Record<keyof typeof ROWS, string>> {
  const ids = {} as Record<keyof typeof ROWS, string>;
  for (const [name, fields] of Object.entries(ROWS)) {
    const row = await db.video.create({ data: { ...videoRow, ...fields }, select: { id: true } });
    ids[name as keyof typeof ROWS] = row.id;
  }
  return ids;
}

async function detail(id: string): Promise<AdminVideoDetail> {
  const response = await adminVideoRoute(getRequest(`/api/admin/videos/${id}`, await adminCookie()), {
    params: Promise.resolve({ id }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as AdminVideoDetail;
}

async function list(search = "") {
  const response = await adminVideosRoute(getRequest(`/api/admin/videos${search}`, await adminCookie()));
  return { status: response.status, body: (await response.json()) as AdminVideoPage & { error?: { field: string } } };
}

async function overview(): Promise<Overview> {
  const response = await overviewRoute(getRequest("/api/admin/overview", await adminCookie()));
  expect(response.status).toBe(200);
  return (await response.json()) as Overview;
}

/** A process started with these settings. */
async function restartedWith(environment: Record<string, string>) {
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  await restartProcess();
}

describe("GET /api/admin/videos/[id]: where the video's media lives", () => {
  it("carries each video's copy: stored (where, bytes, when), copying, failed with its reason, or not due", async () => {
    const ids = await seed();
    expect((await detail(ids.stored)).video.mediaCopy).toEqual({
      state: "stored",
      storage: "local",
      bytes: 10_052_100,
      storedAt: STORED_AT.toISOString(),
      attempts: 2,
      error: null,
    } satisfies MediaCopyState);
    expect((await detail(ids.storedInS3)).video.mediaCopy).toMatchObject({ storage: "s3", bytes: 3_000_052_100 });
    expect((await detail(ids.copying)).video.mediaCopy).toEqual({
      state: "copying",
      storage: null,
      bytes: null,
      storedAt: null,
      attempts: 1,
      error: "HeyGen's CDN answered 404",
    } satisfies MediaCopyState);
    expect((await detail(ids.failed)).video.mediaCopy).toMatchObject({
      state: "failed",
      attempts: 5,
      error: "The source is larger than MEDIA_MAX_BYTES",
    });
    expect((await detail(ids.rendering)).video.mediaCopy.state).toBe("not_due");
    expect((await detail(ids.renderFailed)).video.mediaCopy.state).toBe("not_due");
  });

  it("names the configured S3 bucket, and none when there is none", async () => {
    const ids = await seed();
    expect((await detail(ids.storedInS3)).mediaBucket).toBeNull();
    await restartedWith({ S3_BUCKET: "avatar-media" });
    expect((await detail(ids.storedInS3)).mediaBucket).toBe("avatar-media");
  });
});

describe("GET /api/admin/videos: each row's copy, and the copy filter", () => {
  it("carries every row's copy state", async () => {
    const ids = await seed();
    const { body } = await list();
    const states = Object.fromEntries(body.videos.map((video) => [video.id, video.mediaCopy.state]));
    expect(states).toEqual({
      [ids.stored]: "stored",
      [ids.storedInS3]: "stored",
      [ids.copying]: "copying",
      [ids.failed]: "failed",
      [ids.rendering]: "not_due",
      [ids.renderFailed]: "not_due",
    });
  });

  it("lists the stored, copying or failed copies alone, with the other filters", async () => {
    await seed();
    const titles = async (search: string) => (await list(search)).body.videos.map((video) => video.title).sort();
    expect(await titles("?copy=failed")).toEqual(["failed"]);
    expect(await titles("?copy=copying")).toEqual(["copying"]);
    expect(await titles("?copy=stored")).toEqual(["stored", "stored in s3"]);
    expect(await titles("?copy=stored&q=s3")).toEqual(["stored in s3"]);
    expect(await titles("?copy=failed&status=rendering")).toEqual([]);
    expect(await titles("?copy=all")).toHaveLength(6);
  });

  it("refuses a copy filter it does not know, naming it", async () => {
    const { status, body } = await list("?copy=lost");
    expect(status).toBe(400);
    expect(body.error?.field).toBe("copy");
  });
});

describe("GET /api/admin/overview: stored media", () => {
  it("counts stored videos and their bytes, copies under way and copies that failed", async () => {
    expect((await overview()).media).toEqual({
      storage: "local",
      bucket: null,
      stored: { count: 0, bytes: 0 },
      copying: 0,
      failed: 0,
    });
    await seed();
    expect((await overview()).media).toEqual({
      storage: "local",
      bucket: null,
      stored: { count: 2, bytes: 10_052_100 + 3_000_052_100 },
      copying: 1,
      failed: 1,
    });
  });

  it("says which S3 bucket new copies go to", async () => {
    await restartedWith({ MEDIA_STORAGE: "s3", S3_BUCKET: "avatar-media" });
    expect((await overview()).media).toMatchObject({ storage: "s3", bucket: "avatar-media" });
  });
});
