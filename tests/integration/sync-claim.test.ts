import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { POST as callback } from "@/app/api/heygen/callback/route";
import { GET } from "@/app/api/videos/[id]/route";
import { POST as createVideoRoute } from "@/app/api/videos/route";
import { db } from "@/server/db";
import { fakeHeygen, heygenRequests, heygenServer } from "../support/heygen";
import {
  adminCookie,
  getRequest,
  jsonRequest,
  replayDelivery,
  signedV3,
  unsigned,
  validVideoInput,
} from "../support/requests";
import { callRoute } from "../support/route-scope";
import { TEST_ENV } from "../support/test-env";

/** A video made through the API (the fake renders it at once), with HeyGen's own success delivery for it. */
async function renderedVideo() {
  const response = await createVideoRoute(jsonRequest("/api/videos", validVideoInput, { cookie: await adminCookie() }));
  const { id } = (await response.json()) as { id: string };
  const delivery = fakeHeygen.outbox.find((d) => JSON.parse(d.body).event_data.callback_id === id)!;
  const row = await db.video.findUniqueOrThrow({ where: { id } });
  heygenRequests.length = 0;
  return { id, heygenVideoId: row.heygenVideoId!, delivery };
}

const viewerPoll = async (id: string, query = "") => {
  const request = getRequest(`/api/videos/${id}${query}`);
  const { response } = await callRoute(() => GET(request, { params: Promise.resolve({ id }) }));
  return response.json();
};

/** An unsigned hint about the video (HeyGen's per-job callback): the app asks HeyGen itself, after answering. */
async function hint(video: { id: string; heygenVideoId: string }) {
  const body = {
    event_type: "avatar_video.success",
    event_data: { video_id: video.heygenVideoId, callback_id: video.id },
  };
  const { response, afterResponse } = await callRoute(() => callback(unsigned(body)));
  expect(await response.json()).toMatchObject({ outcome: "check_scheduled" });
  await afterResponse();
}

const reload = (id: string) => db.video.findUniqueOrThrow({ where: { id } });

describe("one claim on asking HeyGen, whatever the reason", () => {
  it("a media refresh and the render details it overlaps make one HeyGen call", async () => {
    const video = await renderedVideo();
    // HeyGen's webhook, with a video URL that expires within the hour: the first viewer's read refreshes it.
    const expiresSoon = Math.floor(Date.now() / 1000) + 1800;
    const success = signedV3({
      event_id: "evt_expiring",
      event_type: "avatar_video.success",
      event_data: {
        video_id: video.heygenVideoId,
        callback_id: video.id,
        video_url: `https://resource.heygen.ai/v.mp4?Expires=${expiresSoon}`,
      },
    });
    const webhook = await callRoute(() => callback(success));
    expect(await webhook.response.json()).toMatchObject({ outcome: "applied" });

    const seen = await viewerPoll(video.id);
    expect(heygenRequests).toEqual([`GET /v3/videos/${video.heygenVideoId}`]);
    expect(seen).toMatchObject({ videoUrl: expect.stringMatching(/\/media\/.+\.mp4\?/), duration: 5, settled: true });

    await webhook.afterResponse(); // the webhook's render details: that call has just been made, and brought them
    expect(heygenRequests).toHaveLength(1);
  });

  it("a status check and a forced media refresh right after it make one HeyGen call", async () => {
    const video = await renderedVideo();
    await hint(video); // HeyGen says completed: the video completes with its media and details
    expect(heygenRequests).toEqual([`GET /v3/videos/${video.heygenVideoId}`]);
    expect(await reload(video.id)).toMatchObject({ status: "COMPLETED", duration: 5 });

    const refreshed = await viewerPoll(video.id, "?fresh=1"); // the player could not load the URL
    expect(refreshed).toMatchObject({ status: "COMPLETED", settled: true });
    expect(heygenRequests).toHaveLength(1);
  });

  it("a status check overtaken by the webhook still brings the details the webhook lacks: one HeyGen call", async () => {
    const video = await renderedVideo();
    const body = {
      event_type: "avatar_video.success",
      event_data: { video_id: video.heygenVideoId, callback_id: video.id },
    };
    const check = await callRoute(() => callback(unsigned(body))); // claimed; HeyGen is asked once it has answered
    const webhook = await callRoute(() => callback(replayDelivery(video.delivery)));
    expect(await webhook.response.json()).toMatchObject({ outcome: "applied" }); // completed, with its video URL alone

    await check.afterResponse(); // HeyGen's record: the status change is refused, its details are not
    expect(await reload(video.id)).toMatchObject({ duration: 5, detailsAt: expect.any(Date) });
    await webhook.afterResponse();
    expect(heygenRequests).toEqual([`GET /v3/videos/${video.heygenVideoId}`]);
  });

  it("render details held off by a status check made while HeyGen still rendered are asked once that claim lapses", async () => {
    const video = await renderedVideo();
    heygenServer.use(
      http.get(`${TEST_ENV.HEYGEN_API_URL}/v3/videos/:id`, ({ params }) =>
        HttpResponse.json({ data: { id: params.id, status: "processing", title: validVideoInput.title } }),
      ),
    );
    await hint(video);
    expect(await reload(video.id)).toMatchObject({ status: "PROCESSING" });
    heygenServer.resetHandlers(); // HeyGen has finished meanwhile
    // As if that check had been 9.5 s ago: the claim lapses half a second from now.
    await db.video.update({ where: { id: video.id }, data: { heygenCheckedAt: new Date(Date.now() - 9_500) } });

    const { afterResponse } = await callRoute(() => callback(replayDelivery(video.delivery)));
    await afterResponse();
    expect(heygenRequests).toEqual([`GET /v3/videos/${video.heygenVideoId}`, `GET /v3/videos/${video.heygenVideoId}`]);
    const row = await reload(video.id);
    expect(row).toMatchObject({ status: "COMPLETED", duration: 5, thumbnailUrl: expect.stringMatching(/\.jpg\?/) });
    expect(row.detailsAt).not.toBeNull();
  });
});
