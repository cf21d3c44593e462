import { delay, http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/videos/[id]/captions/route";
import { GET as cuesRoute } from "@/app/api/videos/[id]/captions/cues/route";
import { db } from "@/server/db";
import { completedVideo } from "../support/completed-video";
import { heygenRequests, heygenServer } from "../support/heygen";
import { getRequest, videoRow } from "../support/requests";
import { callRoute } from "../support/route-scope";
import { TEST_ENV } from "../support/test-env";

const fetchCaptions = async (id: string) => {
  const request = getRequest(`/api/videos/${encodeURIComponent(id)}/captions`);
  const { response } = await callRoute(() => GET(request, { params: Promise.resolve({ id }) }));
  return response;
};

/** media/sample.srt, the fake HeyGen's captions, as WebVTT. */
const SAMPLE_VTT = `WEBVTT

1
00:00:00.000 --> 00:00:02.400
Hello! This video was rendered

2
00:00:02.400 --> 00:00:05.000
by the offline fake HeyGen.
`;

const mediaFetches = () => heygenRequests.filter((line) => line.startsWith("GET /media/"));

/** The fake HeyGen's storage answers every caption file with this instead. */
const serveCaptions = (answer: () => Response | Promise<Response>) =>
  heygenServer.use(http.get(`${TEST_ENV.HEYGEN_API_URL}/media/:file`, answer));

describe("GET /api/videos/[id]/captions", () => {
  it("serves HeyGen's SRT as WebVTT, cacheable", async () => {
    const video = await completedVideo();
    const response = await fetchCaptions(video.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/vtt; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=60, s-maxage=300");
    expect(await response.text()).toBe(SAMPLE_VTT);
    expect(mediaFetches()).toEqual([`GET /media/${video.heygenVideoId}.srt`]);
  });

  it("converts what HeyGen's SRT may hold: a byte order mark, CRLF line ends, markup; no cues at all", async () => {
    serveCaptions(() => HttpResponse.text("\ufeff1\r\n00:00:01,250 --> 00:00:03,000\r\n<i>Hi</i> there\r\n\r\n"));
    expect(await (await fetchCaptions((await completedVideo()).id)).text()).toBe(
      "WEBVTT\n\n1\n00:00:01.250 --> 00:00:03.000\n<i>Hi</i> there\n",
    );
    serveCaptions(() => HttpResponse.text(""));
    expect(await (await fetchCaptions((await completedVideo()).id)).text()).toBe("WEBVTT\n");
  });

  it("fetches HeyGen's file once per video, for concurrent and later viewers, even after its URL is renewed", async () => {
    const video = await completedVideo();
    const bodies = await Promise.all(Array.from({ length: 10 }, async () => (await fetchCaptions(video.id)).text()));
    expect(new Set(bodies)).toEqual(new Set([SAMPLE_VTT]));
    await db.video.update({ where: { id: video.id }, data: { subtitleUrl: `${video.subtitleUrl}&renewed=1` } });
    expect(await (await fetchCaptions(video.id)).text()).toBe(SAMPLE_VTT);
    expect(mediaFetches()).toHaveLength(1);
  });

  it.each([
    ["an unknown id", async () => "does-not-exist"],
    ["a junk id", async () => "../../etc/passwd"],
    [
      "a video still rendering",
      async () => (await db.video.create({ data: { ...videoRow, status: "PROCESSING" } })).id,
    ],
    ["a finished video without captions", async () => (await completedVideo({ subtitleUrl: null })).id],
  ])("answers 404 for %s", async (_label, idOf) => {
    const response = await fetchCaptions(await idOf());
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe("not_found");
    expect(mediaFetches()).toEqual([]);
  });

  it.each([
    ["cannot be reached", () => HttpResponse.error()],
    ["refuses the URL (expired signature)", () => HttpResponse.text("Access denied", { status: 403 })],
    ["answers something that is not SRT", () => HttpResponse.text("<html><body>Bad gateway</body></html>")],
    ["does not answer in time", async () => (await delay("infinite")) as never],
  ])("answers 502, not 500, when HeyGen's storage %s, and tries again on the next request", async (_label, answer) => {
    const video = await completedVideo();
    serveCaptions(answer);
    const response = await fetchCaptions(video.id);
    expect(response.status).toBe(502);
    expect((await response.json()).error).toEqual({
      code: "heygen_media_unavailable",
      message: "HeyGen's captions for this video could not be loaded.",
    });
    heygenServer.resetHandlers();
    expect(await (await fetchCaptions(video.id)).text()).toBe(SAMPLE_VTT);
  });
});

describe("GET /api/videos/[id]/captions/cues", () => {
  const fetchCues = async (id: string) => {
    const request = getRequest(`/api/videos/${encodeURIComponent(id)}/captions/cues`);
    const { response } = await callRoute(() => cuesRoute(request, { params: Promise.resolve({ id }) }));
    return response;
  };

  it("gives the captions as timed lines in seconds, markup left out, cacheable", async () => {
    serveCaptions(() =>
      HttpResponse.text("1\n00:00:01,250 --> 00:00:03,000\n<i>Hi</i> there\n\n2\n00:00:03,000 --> 00:00:04,500\nBye\n"),
    );
    const response = await fetchCues((await completedVideo()).id);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60, s-maxage=300");
    expect(await response.json()).toEqual([
      { start: 1.25, end: 3, text: "Hi there" },
      { start: 3, end: 4.5, text: "Bye" },
    ]);
  });

  it("answers 404 for a video without captions", async () => {
    const video = await db.video.create({ data: { ...videoRow, status: "PROCESSING" } });
    expect((await fetchCues(video.id)).status).toBe(404);
  });
});
