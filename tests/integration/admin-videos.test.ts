import { describe, expect, it } from "vitest";
import { GET as listAdminVideos } from "@/app/api/admin/videos/route";
import { GET as videoStatus } from "@/app/api/videos/[id]/route";
import type { VideoStatus } from "@/lib/video";
import { db } from "@/server/db";
import { ADMIN_PAGE_SIZE } from "@/server/video-lists/admin-videos";
import { heygenRequests } from "../support/heygen";
import { adminCookie, getRequest, videoRow } from "../support/requests";
import { callRoute } from "../support/route-scope";

const MINUTE = 60_000;
const T0 = new Date("2026-01-01T12:00:00.000Z");

type Seed = { title: string; script?: string; status?: VideoStatus; createdAt?: Date };

/** Rows made one minute apart in the order given (the last is the newest), unless they name their own time. */
async function seed(rows: Seed[]) {
  await db.video.createMany({
    data: rows.map((row, i) => ({
      ...videoRow,
      status: "COMPLETED" as const,
      createdAt: new Date(T0.getTime() + i * MINUTE),
      ...row,
    })),
  });
}

async function list(query = "", cookie?: string | null) {
  const response = await listAdminVideos(
    getRequest(`/api/admin/videos${query}`, cookie === null ? undefined : (cookie ?? (await adminCookie()))),
  );
  return { status: response.status, cacheControl: response.headers.get("cache-control"), body: await response.json() };
}

const titlesOf = (body: { videos: Array<{ title: string }> }) => body.videos.map((video) => video.title);

describe("GET /api/admin/videos", () => {
  it("answers 401 without an admin session", async () => {
    await seed([{ title: "secret draft", status: "PROCESSING" }]);
    const { status, body } = await list("", null);
    expect(status).toBe(401);
    expect(body).not.toHaveProperty("videos");
  });

  it("lists every video whatever its status, newest first, never cached", async () => {
    await seed([
      { title: "oldest", status: "FAILED" },
      { title: "middle", status: "PENDING" },
      { title: "ready", status: "COMPLETED" },
      { title: "newest", status: "PROCESSING" },
    ]);
    const { status, cacheControl, body } = await list();
    expect(status).toBe(200);
    expect(cacheControl).toBe("private, no-store");
    expect(titlesOf(body)).toEqual(["newest", "ready", "middle", "oldest"]);
    expect(body.nextCursor).toBeNull();
  });

  it.each([
    ["queued", "PENDING"],
    ["rendering", "PROCESSING"],
    ["ready", "COMPLETED"],
    ["failed", "FAILED"],
  ] as const)("filters by status %s (%s) in the badges' words", async (word, status) => {
    await seed(
      (["PENDING", "PROCESSING", "COMPLETED", "FAILED"] as const).flatMap((s) => [
        { title: `${s} 1`, status: s },
        { title: `${s} 2`, status: s },
      ]),
    );
    const { body } = await list(`?status=${word}`);
    expect(titlesOf(body)).toEqual([`${status} 2`, `${status} 1`]);
    expect((await list("?status=all")).body.videos).toHaveLength(8);
  });

  it("finds text in the title or the script, in any case, with the status filter too", async () => {
    await seed([
      { title: "Quarterly results", script: "Numbers went up." },
      { title: "Welcome aboard", script: "Hello and WELCOME to the team." },
      { title: "Safety briefing", script: "Welcome back: wear a helmet.", status: "FAILED" },
      { title: "Goodbye", script: "See you." },
    ]);
    expect(titlesOf((await list("?q=welcome")).body)).toEqual(["Safety briefing", "Welcome aboard"]);
    expect(titlesOf((await list("?q=QUARTERLY")).body)).toEqual(["Quarterly results"]);
    expect(titlesOf((await list("?q=%20helmet%20")).body)).toEqual(["Safety briefing"]);
    expect(titlesOf((await list("?q=welcome&status=ready")).body)).toEqual(["Welcome aboard"]);
    expect(titlesOf((await list("?q=nothing+like+this")).body)).toEqual([]);
  });

  it("takes %, _ and \\ in a search literally", async () => {
    await seed([
      { title: "100% done" },
      { title: "1000 done" },
      { title: "snake_case" },
      { title: "snakeXcase" },
      { title: "C:\\temp" },
    ]);
    expect(titlesOf((await list("?q=100%25")).body)).toEqual(["100% done"]);
    expect(titlesOf((await list("?q=snake_")).body)).toEqual(["snake_case"]);
    expect(titlesOf((await list("?q=C%3A%5Ct")).body)).toEqual(["C:\\temp"]);
  });

  it(`pages ${ADMIN_PAGE_SIZE} at a time, neither skipping nor repeating videos that share a timestamp`, async () => {
    const count = ADMIN_PAGE_SIZE * 2 + 5;
    await seed(Array.from({ length: count }, (_, i) => ({ title: `same instant ${i}`, createdAt: T0 })));
    await seed([{ title: "older", createdAt: new Date(T0.getTime() - MINUTE) }]);
    const cookie = await adminCookie();
    const pages = [(await list("", cookie)).body];
    while (pages.at(-1)!.nextCursor) pages.push((await list(`?cursor=${pages.at(-1)!.nextCursor}`, cookie)).body);

    expect(pages.map((page) => page.videos.length)).toEqual([ADMIN_PAGE_SIZE, ADMIN_PAGE_SIZE, 6]);
    const ids: string[] = pages.flatMap((page) => page.videos.map((video: { id: string }) => video.id));
    expect(new Set(ids).size).toBe(count + 1);
    expect(ids.slice(0, count)).toEqual(ids.slice(0, count).sort().reverse()); // one instant: by id, descending
    expect(titlesOf(pages.at(-1)!).at(-1)).toBe("older");
  });

  it("keeps the filters on later pages", async () => {
    // 21 failed among 43.
    await seed(
      Array.from({ length: ADMIN_PAGE_SIZE * 2 + 3 }, (_, i) => ({
        title: `v${i}`,
        status: i % 2 ? "FAILED" : "COMPLETED",
      })),
    );
    const first = (await list("?status=failed")).body;
    const second = (await list(`?status=failed&cursor=${first.nextCursor}`)).body;
    expect([...first.videos, ...second.videos].every((video: { status: string }) => video.status === "FAILED")).toBe(
      true,
    );
    expect([first.videos.length, second.videos.length]).toEqual([ADMIN_PAGE_SIZE, 1]);
    expect(second.nextCursor).toBeNull();
  });

  it.each([
    ["status", "?status=done", /status must be one of all, queued, rendering, ready, failed/],
    ["q", `?q=${"x".repeat(201)}`, /q must be at most 200 characters/],
    ["cursor", "?cursor=not-a-cursor", /cursor is not one this list gave out/],
    ["cursor", `?cursor=${Buffer.from("2026-01-01T00:00:00.000Z_' OR 1=1 --").toString("base64url")}`, /cursor/],
  ])("answers a bad %s with a 400 naming it", async (field, query, message) => {
    const { status, body } = await list(query);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "invalid_input", field });
    expect(body.error.message).toMatch(message);
  });

  it("shows admins each video's options and the links between versions; the public status route shows none of it", async () => {
    const original = await db.video.create({
      data: { ...videoRow, status: "COMPLETED", options: { captions: "burned", voiceSpeed: 1.2 } },
    });
    const again = await db.video.create({ data: { ...videoRow, regeneratedFromId: original.id } });
    const { body } = await list();
    const [newest, oldest] = body.videos;
    // scriptSeconds: what a regenerate's confirmation prices, the script's 6 words at 150 a minute (2.4 s), as
    // the Studio estimates it: divided by the voice speed, rounded up.
    expect(newest).toMatchObject({
      id: again.id,
      regeneratedFromId: original.id,
      regenerationIds: [],
      scriptSeconds: 3,
    });
    expect(oldest).toMatchObject({
      id: original.id,
      regeneratedFromId: null,
      regenerationIds: [again.id],
      options: { captions: "burned", voiceSpeed: 1.2, outputFormat: "mp4" },
      scriptSeconds: 2,
    });
    expect(oldest).not.toHaveProperty("heygenVideoId");

    const { response } = await callRoute(() =>
      videoStatus(getRequest(`/api/videos/${original.id}`), { params: Promise.resolve({ id: original.id }) }),
    );
    expect(Object.keys(await response.json()).sort()).toEqual(
      [
        "id",
        "title",
        "description",
        "status",
        "aspectRatio",
        "resolution",
        "videoUrl",
        "thumbnailUrl",
        "subtitleUrl",
        "duration",
        "error",
        "unconfirmed",
        "createdAt",
        "completedAt",
        "settled",
        "languages",
      ].sort(),
    );
    expect(heygenRequests).toEqual([]);
  });
});
