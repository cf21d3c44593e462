import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { POST as callback } from "@/app/api/heygen/callback/route";
import { GET } from "@/app/api/videos/[id]/route";
import { db } from "@/server/db";
import { changeVisibility } from "@/server/videos/visibility";
import { videoCache } from "@/server/watch/video-cache";
import { completedVideo } from "../support/completed-video";
import { signedV3, videoRow } from "../support/requests";
import { restartProcess } from "../support/restart-process";
import { callRoute } from "../support/route-scope";
import { TEST_ENV } from "../support/test-env";
import { waitFor } from "../support/wait-for";

/** The process as started with these caps on held long-polls, behind one proxy that names each client. */
async function withCaps(total: number, perClient: number) {
  vi.stubEnv("LONG_POLL_MAX_HELD", String(total));
  vi.stubEnv("LONG_POLL_MAX_PER_CLIENT", String(perClient));
  vi.stubEnv("TRUST_PROXY", "1");
  await restartProcess();
}

type Answer = { status: number; body: { status: string } | null };

/** Long-polls started by a test, with what each answered (undefined while it is held). */
function longPolls(id: string, etag: string) {
  const reads = vi.spyOn(videoCache, "read");
  const polls: Array<{ client: string; answer?: Answer; stop: AbortController }> = [];
  return {
    start(client: string, count = 1) {
      for (let i = 0; i < count; i++) {
        const poll: (typeof polls)[number] = { client, stop: new AbortController() };
        polls.push(poll);
        const request = new NextRequest(new URL(`/api/videos/${id}?wait=25`, TEST_ENV.APP_URL), {
          headers: { "if-none-match": etag, "x-forwarded-for": client },
          signal: poll.stop.signal,
        });
        void callRoute(() => GET(request, { params: Promise.resolve({ id }) })).then(async ({ response }) => {
          poll.answer = { status: response.status, body: response.status === 200 ? await response.json() : null };
        });
      }
    },
    /** Resolves once every poll started has read the video and had its chance to answer. */
    async settled() {
      await waitFor(
        () => reads.mock.results.length,
        (count) => count >= polls.length,
      );
      await Promise.all(reads.mock.results.map((result) => result.value));
      await new Promise((resolve) => setImmediate(resolve));
    },
    answered: (client?: string) => polls.filter((poll) => poll.answer && (!client || poll.client === client)),
    held: (client?: string) => polls.filter((poll) => !poll.answer && (!client || poll.client === client)),
    async allAnswered() {
      await waitFor(() => polls.every((poll) => poll.answer), Boolean, 5_000);
      return polls.map((poll) => poll.answer);
    },
    stopAll: () => polls.forEach((poll) => poll.stop.abort()),
  };
}

async function renderingVideo() {
  const video = await db.video.create({ data: { ...videoRow, status: "PROCESSING", heygenVideoId: "hg_held" } });
  return { video, etag: await currentEtag(video.id) };
}

async function currentEtag(id: string) {
  const request = new NextRequest(new URL(`/api/videos/${id}`, TEST_ENV.APP_URL));
  const { response } = await callRoute(() => GET(request, { params: Promise.resolve({ id }) }));
  return response.headers.get("etag")!;
}

const complete = async (video: { id: string; heygenVideoId: string | null }) => {
  const { response } = await callRoute(() =>
    callback(
      signedV3({
        event_id: `evt_${video.id}`,
        event_type: "avatar_video.success",
        event_data: {
          video_id: video.heygenVideoId,
          callback_id: video.id,
          video_url: "https://resource.heygen.ai/v.mp4",
        },
      }),
    ),
  );
  expect(response.status).toBe(200);
};

describe("GET /api/videos/[id]?wait=N: held long-polls are capped", () => {
  it("holds at most the per-client cap for one client; the rest are answered at once, unchanged", async () => {
    await withCaps(100, 3);
    const { video, etag } = await renderingVideo();
    const polls = longPolls(video.id, etag);
    polls.start("203.0.113.7", 5);
    polls.start("198.51.100.2"); // another client is not held back by the first one's cap
    await polls.settled();

    expect(polls.held("203.0.113.7")).toHaveLength(3);
    expect(polls.held("198.51.100.2")).toHaveLength(1);
    // Answered before anything changed, as a plain poll would be: "not modified".
    expect(polls.answered().map((poll) => poll.answer!.status)).toEqual([304, 304]);

    await complete(video);
    const answers = await polls.allAnswered();
    expect(answers.filter((answer) => answer?.body?.status === "COMPLETED")).toHaveLength(4);
  });

  it("without TRUST_PROXY, where addresses are unknown, applies only the process's cap", async () => {
    await withCaps(4, 2);
    vi.stubEnv("TRUST_PROXY", "0");
    await restartProcess();
    const { video, etag } = await renderingVideo();
    const polls = longPolls(video.id, etag);
    polls.start("203.0.113.7", 5); // the header is the client's own word: not an address to count by
    await polls.settled();

    expect(polls.held()).toHaveLength(4);
    expect(polls.answered().map((poll) => poll.answer!.status)).toEqual([304]);
    await complete(video);
    expect((await polls.allAnswered()).filter((answer) => answer?.body?.status === "COMPLETED")).toHaveLength(4);
  });

  it("holds at most the process's cap in all, whoever asks", async () => {
    await withCaps(5, 3);
    const { video, etag } = await renderingVideo();
    const polls = longPolls(video.id, etag);
    polls.start("203.0.113.1", 3);
    polls.start("203.0.113.2", 3);
    polls.start("203.0.113.3");
    await polls.settled();

    expect(polls.held()).toHaveLength(5);
    expect(polls.answered().map((poll) => poll.answer!.status)).toEqual([304, 304]);
    expect(polls.held("203.0.113.3")).toHaveLength(0);

    await complete(video);
    const answers = await polls.allAnswered();
    expect(answers.filter((answer) => answer?.body?.status === "COMPLETED")).toHaveLength(5);
  });

  it("gives a slot back when its wait ends, however it ends", async () => {
    await withCaps(100, 2);
    const { video, etag } = await renderingVideo();
    const first = longPolls(video.id, etag);
    first.start("203.0.113.9", 2);
    await first.settled();
    expect(first.held()).toHaveLength(2);
    first.stopAll(); // the viewers left
    expect((await first.allAnswered()).map((answer) => answer!.status)).toEqual([304, 304]);

    vi.restoreAllMocks();
    const second = longPolls(video.id, etag);
    second.start("203.0.113.9", 2);
    await second.settled();
    expect(second.held()).toHaveLength(2);
    second.stopAll();
    await second.allAnswered();
  });

  // A finished video's render will not change, but it may still be hidden or deleted: its open pages must hear of it.
  it.each([
    ["made private", (id: string) => changeVisibility(id, { visibility: "PRIVATE", publishAt: null })],
    [
      "rescheduled",
      (id: string) => changeVisibility(id, { visibility: "PUBLIC", publishAt: new Date(Date.now() + 1e7) }),
    ],
    ["deleted", (id: string) => db.video.delete({ where: { id } })],
  ])("holds a settled video's wait too, and answers it 404 the moment the video is %s", async (_label, hide) => {
    await withCaps(100, 3);
    const video = await completedVideo();
    const polls = longPolls(video.id, await currentEtag(video.id));
    polls.start("203.0.113.4");
    await polls.settled();
    expect(polls.held()).toHaveLength(1);

    await hide(video.id);
    expect((await polls.allAnswered()).map((answer) => answer!.status)).toEqual([404]);
  });
});
