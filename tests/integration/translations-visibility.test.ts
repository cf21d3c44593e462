import { describe, expect, it } from "vitest";
import { PATCH as patchVideo } from "@/app/api/admin/videos/[id]/route";
import { POST as approveRoute } from "@/app/api/admin/videos/[id]/approve/route";
import { GET as statusRoute } from "@/app/api/videos/[id]/route";
import { GET as mediaRoute } from "@/app/media/[id]/[file]/route";
import { db } from "@/server/db";
import { publishDue } from "@/server/videos/scheduled-publish";
import { completedVideo } from "../support/completed-video";
import { adminCookie, getRequest, jsonRequest } from "../support/requests";
import { rejectDraft } from "../support/review";
import { callRoute } from "../support/route-scope";
import { storeMedia } from "../support/stored-media";
import { completedVariant } from "../support/variants";
import { changesHeard } from "../support/video-changes";

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const row = (id: string) => db.video.findUniqueOrThrow({ where: { id } });
const published = ({
  visibility,
  publishAt,
  publishedAt,
}: {
  visibility: string;
  publishAt: Date | null;
  publishedAt: Date | null;
}) => ({
  visibility,
  publishAt,
  publishedAt,
});

async function patch(id: string, body: Record<string, unknown>) {
  const request = jsonRequest(`/api/admin/videos/${id}`, body, { cookie: await adminCookie(), method: "PATCH" });
  const response = await patchVideo(request, params(id));
  return { status: response.status, body: await response.json() };
}

async function approve(id: string) {
  const request = jsonRequest(`/api/admin/videos/${id}/approve`, {}, { cookie: await adminCookie() });
  const response = await approveRoute(request, params(id));
  return { status: response.status, body: await response.json() };
}

/** A source with two translations: one made, one still rendering (a variant follows its source whatever its state). */
async function sourceWithVariants(visibility: "DRAFT" | "PUBLIC" = "PUBLIC") {
  const source = await completedVideo({ visibility, publishedAt: visibility === "PUBLIC" ? new Date() : null });
  const spanish = await completedVariant(source, "Spanish (Spain)");
  const japanese = await completedVariant(source, "Japanese", { status: "PROCESSING", completedAt: null });
  return { source, variants: [spanish, japanese] };
}

/** Each variant's visibility, publishAt and publishedAt equal the source's. */
async function expectVariantsFollow(sourceId: string, variantIds: string[]) {
  const source = published(await row(sourceId));
  for (const id of variantIds) expect(published(await row(id))).toEqual(source);
  return source;
}

describe("a translation has its source's visibility, publishAt and publishedAt", () => {
  it("PATCH of the source moves its variants in the same change: hidden, scheduled, published", async () => {
    const { source, variants } = await sourceWithVariants();
    const ids = variants.map((variant) => variant.id);

    expect((await patch(source.id, { visibility: "private" })).status).toBe(200);
    expect((await expectVariantsFollow(source.id, ids)).visibility).toBe("PRIVATE");

    const moment = new Date(Date.now() + 3_600_000);
    expect((await patch(source.id, { visibility: "unlisted", publishAt: moment.toISOString() })).status).toBe(200);
    expect(await expectVariantsFollow(source.id, ids)).toMatchObject({ visibility: "UNLISTED", publishAt: moment });

    expect((await patch(source.id, { publishAt: null })).status).toBe(200);
    expect((await expectVariantsFollow(source.id, ids)).publishedAt).toEqual(source.publishedAt);
  });

  it("approving a draft publishes its variants with it; rejecting one makes them private", async () => {
    const approved = await sourceWithVariants("DRAFT");
    expect((await approve(approved.source.id)).status).toBe(200);
    const now = await expectVariantsFollow(
      approved.source.id,
      approved.variants.map((variant) => variant.id),
    );
    expect(now).toMatchObject({ visibility: "PUBLIC", publishAt: null, publishedAt: expect.any(Date) });

    const rejected = await sourceWithVariants("DRAFT");
    expect((await rejectDraft(rejected.source.id, { reason: "Off message." })).status).toBe(200);
    const hidden = await expectVariantsFollow(
      rejected.source.id,
      rejected.variants.map((variant) => variant.id),
    );
    expect(hidden.visibility).toBe("PRIVATE");
  });

  it("the scheduled publish sets the variants' publishedAt with the source's, once", async () => {
    const source = await completedVideo({ visibility: "PUBLIC", publishAt: new Date(Date.now() + 60_000) });
    const variant = await completedVariant(source, "French");
    await db.video.updateMany({
      where: { id: { in: [source.id, variant.id] } },
      data: { publishAt: new Date(Date.now() - 1_000) },
    });
    const first = await publishDue(null);
    expect(first).toEqual({ videos: [source.id], variants: [variant.id] });
    const { publishedAt } = await expectVariantsFollow(source.id, [variant.id]);
    expect(publishedAt).not.toBeNull();
    expect(await publishDue(source.id)).toEqual({ videos: [], variants: [] });
  });

  it("a variant's own visibility is not changed on its own: 409 saying why, nothing written", async () => {
    const { source, variants } = await sourceWithVariants("DRAFT");
    const [variant] = variants;
    const patched = await patch(variant!.id, { visibility: "public" });
    expect(patched.status).toBe(409);
    expect(patched.body.error.message).toMatch(/translation.*source/);
    const approved = await approve(variant!.id);
    expect(approved.status).toBe(409);
    expect(approved.body.error.message).toMatch(/translation.*source/);
    expect((await row(variant!.id)).visibility).toBe("DRAFT");
    expect((await row(source.id)).visibility).toBe("DRAFT");
  });

  it("announces video.published for the source only (a variant is published through its source)", async () => {
    const { source, variants } = await sourceWithVariants("DRAFT");
    expect((await approve(source.id)).status).toBe(200);
    const events = await db.outgoingEvent.findMany({
      where: { type: "video.published", videoId: { in: [source.id, ...variants.map((variant) => variant.id)] } },
    });
    expect(events.map((event) => event.videoId)).toEqual([source.id]);
  });
});

describe("a hidden source's variant does not exist for viewers", () => {
  it("its status and its stored media answer 404 once the source is hidden, as they did 200 before", async () => {
    const { source, variants } = await sourceWithVariants();
    const variant = variants[0]!;
    const stored = await storeMedia(variant.id);
    const file = `${stored.files.video.sha256.slice(0, 8)}.mp4`;
    const status = async () =>
      (await callRoute(() => statusRoute(getRequest(`/api/videos/${variant.id}`), params(variant.id)))).response.status;
    const media = async () =>
      (
        await mediaRoute(getRequest(`/media/${variant.id}/${file}`), {
          params: Promise.resolve({ id: variant.id, file }),
        })
      ).status;
    expect([await status(), await media()]).toEqual([200, 200]);

    expect((await patch(source.id, { visibility: "draft" })).status).toBe(200);
    await changesHeard();
    expect([await status(), await media()]).toEqual([404, 404]);
  });
});
