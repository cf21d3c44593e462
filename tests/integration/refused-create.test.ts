import { http } from "msw";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as overviewRoute } from "@/app/api/admin/overview/route";
import { GET as videoStatusRoute } from "@/app/api/videos/[id]/route";
import { POST as createVideoRoute } from "@/app/api/videos/route";
import WatchPage from "@/app/(site)/videos/[id]/page";
import type { Overview } from "@/lib/overview";
import { FAKE_MARKERS } from "@/mocks/heygen/fake-heygen";
import { db } from "@/server/db";
import { fakeHeygen, heygenServer } from "../support/heygen";
import { redirectOf } from "../support/page-scope";
import { adminCookie, getRequest, validVideoInput } from "../support/requests";
import { callRoute } from "../support/route-scope";
import { TEST_ENV } from "../support/test-env";

const CREATE_URL = `${TEST_ENV.HEYGEN_API_URL}/v3/videos`;

/** The callback_id (our video id) of every create that reached HeyGen: the refused attempts' ids, for viewers' URLs. */
function createsSent(): string[] {
  const ids: string[] = [];
  heygenServer.use(
    http.post(CREATE_URL, async ({ request }) => {
      ids.push(((await request.clone().json()) as { callback_id: string }).callback_id);
      return undefined; // on to the fake HeyGen, which answers as the script's marker says
    }),
  );
  return ids;
}

async function generate(script: string, key?: string) {
  const request = new NextRequest(`${TEST_ENV.APP_URL}/api/videos`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      cookie: await adminCookie(),
      ...(key ? { "idempotency-key": key } : {}),
    },
    body: JSON.stringify({ ...validVideoInput, script }),
  });
  const response = await createVideoRoute(request);
  return { status: response.status, body: await response.json() };
}

/** What a viewer following /videos/{id} gets: Next's 404 (notFound()), or the page. */
async function watchPageOf(id: string): Promise<"not found" | "page"> {
  try {
    await redirectOf(undefined, () => WatchPage({ params: Promise.resolve({ id }) } as never));
    return "page";
  } catch (error) {
    if ((error as { digest?: string }).digest === "NEXT_HTTP_ERROR_FALLBACK;404") return "not found";
    throw error;
  }
}

describe("a create HeyGen refuses leaves nothing a viewer can see (issue 16, bug 9)", () => {
  it.each([
    ["402, out of credits", FAKE_MARKERS.insufficientCredit, 402],
    ["429, rate limited", FAKE_MARKERS.rateLimited, 429],
  ])("%s: answered as before, then 404 at /videos/{id}, and no failure counted", async (_, marker, status) => {
    const sent = createsSent();
    const answer = await generate(`Hello ${marker}`);
    expect(answer.status).toBe(status);
    expect(answer.body.error.message).not.toBe("");
    const [id] = sent;
    expect(id).toBeDefined();

    expect(await watchPageOf(id!)).toBe("not found");
    const { response } = await callRoute(() =>
      videoStatusRoute(getRequest(`/api/videos/${id}`), { params: Promise.resolve({ id: id! }) }),
    );
    expect(response.status).toBe(404);
    const overview = (await (
      await overviewRoute(getRequest("/api/admin/overview", await adminCookie()))
    ).json()) as Overview;
    expect(overview.videos.today.counts.FAILED).toBe(0);
    expect(overview.videos.allTime.counts.FAILED).toBe(0);
  });

  it("a video that was sent and then failed is still shown (the refusal rule touches only refusals)", async () => {
    const answer = await generate(`Hello ${FAKE_MARKERS.gateway502}`);
    expect(answer.status).toBe(202);
    expect(await watchPageOf(answer.body.id)).toBe("page");
  });

  it("the same Idempotency-Key after a refusal is a new attempt (HeyGen made nothing the first time)", async () => {
    const first = await generate(`Hello ${FAKE_MARKERS.insufficientCredit}`, "click-after-refusal");
    expect(first.status).toBe(402);
    // The account is topped up: the same submission, sent again with the same key, now makes one job.
    const again = await generate("Hello", "click-after-refusal");
    expect(again.status).toBe(201);
    expect(fakeHeygen.jobs.size).toBe(1);
    expect(await db.video.count()).toBe(1);
  });
});
