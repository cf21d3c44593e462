import { afterEach, describe, expect, it, vi } from "vitest";
import { generateMetadata as watchMetadata } from "@/app/(site)/videos/[id]/layout";
import { generateMetadata as languageMetadata } from "@/app/(site)/videos/[id]/page";
import { GET } from "@/app/api/videos/[id]/route";
import type { ViewerLanguage } from "@/lib/translations";
import type { PublicVideo } from "@/lib/video";
import { videoEtag } from "@/lib/video-etag";
import { db } from "@/server/db";
import { videoCache } from "@/server/watch/video-cache";
import { completedVideo } from "../support/completed-video";
import { getRequest } from "../support/requests";
import { TEST_ENV } from "../support/test-env";
import { callRoute } from "../support/route-scope";
import { storeMedia } from "../support/stored-media";
import { completedVariant } from "../support/variants";
import { changesHeard } from "../support/video-changes";
import { waitFor } from "../support/wait-for";

async function poll(id: string, headers: Record<string, string> = {}, query = "") {
  const request = getRequest(`/api/videos/${id}${query}`);
  for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
  const { response } = await callRoute(() => GET(request, { params: Promise.resolve({ id }) }));
  return {
    status: response.status,
    etag: response.headers.get("etag"),
    body: response.status === 200 ? ((await response.json()) as PublicVideo) : null,
  };
}

const names = (languages: ViewerLanguage[] | undefined) => languages?.map((language) => language.name);

afterEach(() => vi.restoreAllMocks());

describe("GET /api/videos/[id]: a source's languages (issue 19)", () => {
  it("lists the original first, then each finished translation viewers may see, with the media served for it", async () => {
    const source = await completedVideo({ visibility: "PUBLIC" });
    const spanish = await completedVariant(source, "Spanish (Spain)");
    const japanese = await completedVariant(source, "Japanese");
    const stored = await storeMedia(japanese.id);
    await completedVariant(source, "French", { status: "PROCESSING", completedAt: null, videoUrl: null });
    await completedVariant(source, "German", { status: "FAILED", error: "No.", variantKey: null });
    await changesHeard();

    const { status, body } = await poll(source.id);
    expect(status).toBe(200);
    expect(body!.languages).toEqual([
      {
        videoId: source.id,
        name: "Original",
        tag: null,
        videoUrl: body!.videoUrl,
        subtitleUrl: body!.subtitleUrl,
      },
      {
        videoId: japanese.id,
        name: "Japanese",
        tag: "ja",
        videoUrl: `/media/${japanese.id}/${stored.files.video.sha256.slice(0, 8)}.mp4`,
        subtitleUrl: `/media/${japanese.id}/${stored.files.srt!.sha256.slice(0, 8)}.srt`,
      },
      {
        videoId: spanish.id,
        name: "Spanish (Spain)",
        tag: "es-ES",
        videoUrl: spanish.videoUrl,
        subtitleUrl: spanish.subtitleUrl,
      },
    ]);
  });

  it("offers nothing to choose without a finished translation; a translation asked for directly is any video", async () => {
    const source = await completedVideo();
    const rendering = await completedVariant(source, "Hindi", { status: "PROCESSING", completedAt: null });
    expect((await poll(source.id)).body!.languages).toEqual([]);
    const direct = await poll(rendering.id);
    expect(direct.status).toBe(200);
    expect(direct.body).toMatchObject({ id: rendering.id, status: "PROCESSING", languages: [] });
  });

  it("a held long-poll on the source wakes, with a new ETag, the moment a translation completes", async () => {
    const source = await completedVideo();
    const variant = await completedVariant(source, "Italian", { status: "PROCESSING", completedAt: null });
    await changesHeard();
    const first = await poll(source.id);
    expect(names(first.body!.languages)).toEqual([]);
    expect(first.etag).toBe(videoEtag(first.body!));

    const reads = vi.spyOn(videoCache, "read");
    let answered = false;
    const held = poll(source.id, { "if-none-match": first.etag! }, "?wait=10").finally(() => (answered = true));
    await waitFor(
      () => reads.mock.results.length,
      (count) => count > 0,
    );
    await reads.mock.results[0]!.value;
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false); // held: nothing it shows has changed

    await db.video.update({ where: { id: variant.id }, data: { status: "COMPLETED", completedAt: new Date() } });
    const completedAt = Date.now();
    const answer = await held;
    expect(answer.status).toBe(200);
    expect(Date.now() - completedAt).toBeLessThan(1_000);
    expect(answer.etag).not.toBe(first.etag);
    expect(names(answer.body!.languages)).toEqual(["Original", "Italian"]);
  });

  it("a translation hidden from viewers is not offered to them (its source's visibility is its own)", async () => {
    const source = await completedVideo({ visibility: "UNLISTED" });
    await completedVariant(source, "Korean", { visibility: "PRIVATE" });
    expect((await poll(source.id)).body!.languages).toEqual([]);
  });
});

describe("the watch page's head names its language versions", () => {
  it("hreflang per translation at ?lang=<tag>, x-default at the plain URL, og:locale:alternate; ?lang= is canonical", async () => {
    const source = await completedVideo({ visibility: "PUBLIC" });
    await completedVariant(source, "Spanish (Spain)");
    await completedVariant(source, "Japanese");
    await changesHeard();
    const watch = `${TEST_ENV.APP_URL}/videos/${source.id}`;
    const props = (lang?: string) =>
      ({ params: Promise.resolve({ id: source.id }), searchParams: Promise.resolve(lang ? { lang } : {}) }) as never;

    const head = await watchMetadata(props());
    expect(head.alternates?.languages).toEqual({
      ja: `${watch}?lang=ja`,
      "es-ES": `${watch}?lang=es-ES`,
      "x-default": watch,
    });
    expect(head.alternates?.canonical).toBe(watch);
    expect(head.openGraph?.alternateLocale).toEqual(["ja", "es_ES"]);
    // oEmbed and og:video stay the source's.
    expect(JSON.stringify(head.openGraph?.videos)).toContain(source.videoUrl!.split("?")[0]);

    expect((await languageMetadata(props("ja"))).alternates?.canonical).toBe(`${watch}?lang=ja`);
    expect(await languageMetadata(props())).toEqual({});
  });
});
