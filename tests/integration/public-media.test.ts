import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DELETE as deleteVideo, PATCH as patchVideo } from "@/app/api/admin/videos/[id]/route";
import { GET as mediaRoute } from "@/app/media/[id]/[file]/route";
import type { Video } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { sweepPublicMedia } from "@/server/media/public-copy/public-media-sweep";
import { mediaStorage } from "@/server/media/storage";
import { completedVideo } from "../support/completed-video";
import { heygenServer } from "../support/heygen";
import { queueWorkerPerTest } from "../support/queue-worker";
import { adminCookie, jsonRequest } from "../support/requests";
import { restartProcess } from "../support/restart-process";
import { startS3Server, type S3TestServer } from "../support/s3-server";
import { sampleMedia, storeMedia } from "../support/stored-media";
import { completedVariant } from "../support/variants";
import { TEST_ENV } from "../support/test-env";
import { changesHeard } from "../support/video-changes";
import { waitFor } from "../support/wait-for";

let s3: S3TestServer;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(() => s3?.stop());

/** This process as one deployed with S3 storage and MEDIA_PUBLIC_URL naming the bucket itself (a public bucket). */
let publicBase: string;
beforeEach(async () => {
  heygenServer.use(s3.passthrough);
  const settings = await s3.newBucketEnv();
  publicBase = `${s3.endpoint}/${settings.S3_BUCKET}`;
  for (const [name, value] of Object.entries({ ...settings, MEDIA_PUBLIC_URL: publicBase })) vi.stubEnv(name, value);
  await restartProcess();
});

const startWorker = queueWorkerPerTest(() =>
  import("@/server/media/public-copy/public-media-worker").then((worker) => worker.startPublicMediaWorker()),
);
const startPublishWorker = queueWorkerPerTest(() =>
  import("@/server/videos/publish-worker").then((worker) => worker.startPublishWorker()),
);

/** A finished video of that visibility with its media stored, and the public URL its MP4 would have. */
async function storedVideo(visibility: "DRAFT" | "PUBLIC" | "PRIVATE") {
  const video = await completedVideo({ visibility });
  const stored = await storeMedia(video.id);
  const fileName = stored.files.video.key.split("/").pop()!;
  return { id: video.id, fileName, files: stored.files, publicUrl: `${publicBase}/public/${stored.files.video.key}` };
}

/** What anyone on the web gets at that URL, with no credentials: the status, and the bytes when there are any. */
const anonymousGet = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
};
/** The row once `done` holds of it, e.g. once the public media job has recorded its copy. */
const waitForSync = (id: string, done: (row: Video) => boolean) =>
  waitFor(() => db.video.findUniqueOrThrow({ where: { id } }), done, 10_000);

async function patch(id: string, body: Record<string, unknown>) {
  const request = jsonRequest(`/api/admin/videos/${id}`, body, { cookie: await adminCookie(), method: "PATCH" });
  return patchVideo(request, { params: Promise.resolve({ id }) });
}

/** The app's /media route, as a viewer (no cookie) or an admin. */
async function viewMedia(id: string, file: string, as: "viewer" | "admin") {
  const headers = as === "admin" ? { cookie: await adminCookie() } : undefined;
  const request = new NextRequest(`${TEST_ENV.APP_URL}/media/${id}/${file}`, { headers });
  return mediaRoute(request, { params: Promise.resolve({ id, file }) });
}

describe("media at MEDIA_PUBLIC_URL: only videos viewers may see", () => {
  it("a draft's object is not at its public URL; it is once published, and gone again once made private", async () => {
    await startWorker();
    const video = await storedVideo("DRAFT");
    const { video: mp4 } = await sampleMedia();

    expect((await anonymousGet(video.publicUrl)).status).toBe(404);
    expect((await viewMedia(video.id, video.fileName, "viewer")).status).toBe(404);
    // An admin previewing the draft gets a presigned URL, kept by no shared cache.
    const preview = await viewMedia(video.id, video.fileName, "admin");
    expect(preview.status).toBe(302);
    expect(preview.headers.get("location")).toContain("X-Amz-Signature=");
    expect(preview.headers.get("cache-control")).toBe("private, no-store");

    expect((await patch(video.id, { visibility: "public" })).status).toBe(200);
    // Recorded only once every file is there: from then on viewers are sent to the public URL.
    expect((await waitForSync(video.id, (row) => row.publicMediaAt !== null)).publicMediaAt).not.toBeNull();
    const published = await anonymousGet(video.publicUrl);
    expect(published.status).toBe(200);
    expect(published.bytes.equals(mp4)).toBe(true);
    await changesHeard();
    const watched = await viewMedia(video.id, video.fileName, "viewer");
    expect(watched.status).toBe(302);
    expect(watched.headers.get("location")).toBe(video.publicUrl);

    expect((await patch(video.id, { visibility: "private" })).status).toBe(200);
    expect((await viewMedia(video.id, video.fileName, "viewer")).status).toBe(404); // at once
    expect((await waitForSync(video.id, (row) => row.publicMediaAt === null)).publicMediaAt).toBeNull();
    expect((await anonymousGet(video.publicUrl)).status).toBe(404);
    // The private original stays, for admins.
    expect(await mediaStorage().read(`videos/${video.id}/${video.fileName}`)).not.toBeNull();
  });

  it("a scheduled video's media goes public at its moment, not before", async () => {
    await Promise.all([startWorker(), startPublishWorker()]);
    const video = await storedVideo("DRAFT");
    const moment = new Date(Date.now() + 2_000);
    expect((await patch(video.id, { visibility: "public", publishAt: moment.toISOString() })).status).toBe(200);
    expect((await anonymousGet(video.publicUrl)).status).toBe(404);

    const row = await waitForSync(video.id, (current) => current.publicMediaAt !== null);
    expect(row.publicMediaAt!.getTime()).toBeGreaterThanOrEqual(moment.getTime());
    expect((await anonymousGet(video.publicUrl)).status).toBe(200);
  });

  it("a source's translations follow it: published with it, removed when it is hidden (issue 19)", async () => {
    await startWorker();
    const source = await storedVideo("DRAFT");
    const variant = await completedVariant(await db.video.findUniqueOrThrow({ where: { id: source.id } }), "German");
    const stored = await storeMedia(variant.id);
    const publicUrl = `${publicBase}/public/${stored.files.video.key}`;

    expect((await patch(source.id, { visibility: "public" })).status).toBe(200);
    await waitForSync(variant.id, (row) => row.publicMediaAt !== null);
    expect((await anonymousGet(publicUrl)).status).toBe(200);

    expect((await patch(source.id, { visibility: "private" })).status).toBe(200);
    await waitForSync(variant.id, (row) => row.publicMediaAt === null);
    expect((await anonymousGet(publicUrl)).status).toBe(404);
  });

  it("never redirects viewers to a public copy that is not recorded as made: presigned until then", async () => {
    const video = await storedVideo("PUBLIC"); // no worker: no copy made yet
    await changesHeard();
    const answer = await viewMedia(video.id, video.fileName, "viewer");
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toContain("X-Amz-Signature=");
    expect((await fetch(answer.headers.get("location")!)).status).toBe(200);
  });

  it("the sweep copies a visible video whose job was lost, and removes a hidden one's copy left by a crash", async () => {
    const lost = await storedVideo("PUBLIC"); // stored with no job enqueued (as before this upgrade)
    const leftover = await storedVideo("PUBLIC");
    await mediaStorage().publish(Object.values(leftover.files));
    // Made private by a write that enqueued nothing, its copy still public and recorded.
    await db.video.update({ where: { id: leftover.id }, data: { visibility: "PRIVATE", publicMediaAt: new Date() } });
    const draft = await storedVideo("DRAFT");
    expect((await anonymousGet(leftover.publicUrl)).status).toBe(200);

    expect(await sweepPublicMedia()).toBe(2); // the draft needs nothing
    await startWorker();
    expect((await waitForSync(lost.id, (row) => row.publicMediaAt !== null)).publicMediaAt).not.toBeNull();
    expect((await waitForSync(leftover.id, (row) => row.publicMediaAt === null)).publicMediaAt).toBeNull();
    expect((await anonymousGet(lost.publicUrl)).status).toBe(200);
    expect((await anonymousGet(leftover.publicUrl)).status).toBe(404);
    expect((await anonymousGet(draft.publicUrl)).status).toBe(404);
  });

  it("deleting a video removes its public copy too", async () => {
    await startWorker();
    const video = await storedVideo("PUBLIC");
    expect((await patch(video.id, { visibility: "public" })).status).toBe(200);
    await waitForSync(video.id, (row) => row.publicMediaAt !== null);
    expect((await anonymousGet(video.publicUrl)).status).toBe(200);
    const request = new NextRequest(`${TEST_ENV.APP_URL}/api/admin/videos/${video.id}`, {
      method: "DELETE",
      headers: { cookie: await adminCookie() },
    });
    expect((await deleteVideo(request, { params: Promise.resolve({ id: video.id }) })).status).toBe(200);
    expect((await anonymousGet(video.publicUrl)).status).toBe(404);
  });
});
