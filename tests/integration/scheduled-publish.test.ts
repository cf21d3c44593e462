import { describe, expect, it } from "vitest";
import { PATCH as patchVideo } from "@/app/api/admin/videos/[id]/route";
import { db } from "@/server/db";
import { publishDue } from "@/server/videos/scheduled-publish";
import { finishedVideo } from "../support/finished-video";
import { queueWorkerPerTest } from "../support/queue-worker";
import { adminCookie, jsonRequest } from "../support/requests";
import { waitFor } from "../support/wait-for";

const startWorker = queueWorkerPerTest(() =>
  import("@/server/videos/publish-worker").then((worker) => worker.startPublishWorker()),
);

const reload = (id: string) => db.video.findUniqueOrThrow({ where: { id } });

describe("scheduled publish", () => {
  it("publishes a scheduled video at its moment, to a few seconds", async () => {
    await startWorker();
    // Scheduled once it is ready, so that a slow machine cannot complete it after its moment.
    const id = await finishedVideo({ visibility: "draft" });
    const soon = new Date(Date.now() + 2_000);
    const response = await patchVideo(
      jsonRequest(
        `/api/admin/videos/${id}`,
        { visibility: "public", publishAt: soon.toISOString() },
        { cookie: await adminCookie(), method: "PATCH" },
      ),
      { params: Promise.resolve({ id }) },
    );
    expect(response.status).toBe(200);
    expect((await reload(id)).publishedAt).toBeNull();

    const published = await waitFor(
      () => reload(id),
      (row) => row.publishedAt !== null,
      15_000,
    );
    expect(published.publishedAt!.getTime()).toBeGreaterThanOrEqual(soon.getTime());
    expect(published.publishedAt!.getTime() - soon.getTime()).toBeLessThan(5_000);
  });

  it("a moment moved later: the first job finds nothing to do, the new one publishes", async () => {
    await startWorker();
    const id = await finishedVideo({ visibility: "draft" });
    const cookie = await adminCookie();
    const first = new Date(Date.now() + 1_500);
    const scheduled = await patchVideo(
      jsonRequest(
        `/api/admin/videos/${id}`,
        { visibility: "unlisted", publishAt: first.toISOString() },
        { cookie, method: "PATCH" },
      ),
      { params: Promise.resolve({ id }) },
    );
    expect(scheduled.status).toBe(200);
    const later = new Date(Date.now() + 4_000);
    const response = await patchVideo(
      jsonRequest(`/api/admin/videos/${id}`, { publishAt: later.toISOString() }, { cookie, method: "PATCH" }),
      { params: Promise.resolve({ id }) },
    );
    expect(response.status).toBe(200);
    const published = await waitFor(
      () => reload(id),
      (row) => row.publishedAt !== null,
      15_000,
    );
    expect(published.publishedAt!.getTime()).toBeGreaterThanOrEqual(later.getTime());
  });

  it("publishes exactly once when two workers take the same due video at the same time", async () => {
    const id = await finishedVideo({ visibility: "public", publishAt: new Date(Date.now() + 60_000).toISOString() });
    await db.video.update({ where: { id }, data: { publishAt: new Date(Date.now() - 1_000) } });
    const runs = await Promise.all([publishDue(id), publishDue(id), publishDue(null)]);
    expect(runs.flatMap((run) => run.videos)).toEqual([id]);
    const first = (await reload(id)).publishedAt;
    expect(first).not.toBeNull();
    expect(await publishDue(id)).toEqual({ videos: [], variants: [] });
    expect((await reload(id)).publishedAt).toEqual(first);
  });

  it("the sweep publishes a due video whose job was lost, and leaves drafts and videos still scheduled alone", async () => {
    const lost = await finishedVideo({ visibility: "public", publishAt: new Date(Date.now() + 60_000).toISOString() });
    const later = await finishedVideo({
      visibility: "public",
      publishAt: new Date(Date.now() + 60_000).toISOString(),
    });
    const draft = await finishedVideo({ visibility: "draft" });
    // Its moment came while no job stood for it (say, the queue was reset).
    await db.video.update({ where: { id: lost }, data: { publishAt: new Date(Date.now() - 1_000) } });
    await startWorker(); // its start-up sweep
    expect((await reload(lost)).publishedAt).not.toBeNull();
    expect((await reload(later)).publishedAt).toBeNull();
    expect((await reload(draft)).publishedAt).toBeNull();
  });
});
