import { http, HttpResponse } from "msw";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST as createVideoRoute } from "@/app/api/videos/route";
import { createVideoInput } from "@/lib/video-input";
import { createHeygenClient } from "@/server/heygen/client";
import { db } from "@/server/db";
import { fakeHeygen, heygenRequests, heygenServer } from "../support/heygen";
import { adminCookie, validVideoInput } from "../support/requests";
import { TEST_ENV } from "../support/test-env";

const api = (path: string) => `${TEST_ENV.HEYGEN_API_URL}${path}`;

async function generate(cookie: string, key?: string) {
  const request = new NextRequest(`${TEST_ENV.APP_URL}/api/videos`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, ...(key ? { "idempotency-key": key } : {}) },
    body: JSON.stringify(validVideoInput),
  });
  const response = await createVideoRoute(request);
  return { status: response.status, body: await response.json() };
}

describe("never pay twice", () => {
  it("five concurrent creates with one Idempotency-Key make one video and one HeyGen job", async () => {
    const cookie = await adminCookie();
    const answers = await Promise.all(Array.from({ length: 5 }, () => generate(cookie, "submission-7f3a")));
    expect(fakeHeygen.jobs.size).toBe(1);
    expect(await db.video.count()).toBe(1);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);

    const later = await generate(cookie, "submission-7f3a");
    expect(later).toMatchObject({ status: 200, body: { id: answers[0]!.body.id, status: "PROCESSING" } });
    expect(fakeHeygen.jobs.size).toBe(1);
  });

  it("another key, or none, is another video", async () => {
    const cookie = await adminCookie();
    await generate(cookie, "first-key-0001");
    await generate(cookie, "second-key-002");
    await generate(cookie);
    expect(fakeHeygen.jobs.size).toBe(3);
  });

  it("refuses a malformed key with 400 and makes nothing", async () => {
    const { status, body } = await generate(await adminCookie(), "spaces are not allowed");
    expect(status).toBe(400);
    expect(body.error.field).toBe("Idempotency-Key");
    expect(fakeHeygen.jobs.size).toBe(0);
  });

  it("retries a create HeyGen answered 429 (it made nothing), after Retry-After, and makes one job", async () => {
    let refusals = 1;
    heygenServer.use(
      http.post(api("/v3/videos"), () => {
        if (refusals-- <= 0) return undefined; // on to the fake HeyGen
        return HttpResponse.json(
          { error: { code: "rate_limit_exceeded", message: "Slow down" } },
          { status: 429, headers: { "retry-after": "1" } },
        );
      }),
    );
    const started = Date.now();
    const { status } = await generate(await adminCookie());
    expect(status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(heygenRequests.filter((line) => line === "POST /v3/videos")).toHaveLength(2);
    expect(fakeHeygen.jobs.size).toBe(1);
  });

  it("never resends a create whose answer was ambiguous (a 503 from HeyGen)", async () => {
    heygenServer.use(
      http.post(api("/v3/videos"), () =>
        HttpResponse.json({ error: { code: "unavailable", message: "busy" } }, { status: 503 }),
      ),
    );
    const { status, body } = await generate(await adminCookie());
    expect(status).toBe(202);
    expect(body.unconfirmed).toBe(true);
    expect(heygenRequests.filter((line) => line === "POST /v3/videos")).toHaveLength(1);
  });

  it("retries reads after network errors and 5xx, with backoff, within a cap", async () => {
    const heygen = createHeygenClient({
      apiUrl: TEST_ENV.HEYGEN_API_URL,
      apiKey: TEST_ENV.HEYGEN_API_KEY,
      timeoutMs: 500,
      retries: 3,
      retryBaseMs: 20,
    });
    const { videoId } = await heygen.createVideo({ ...createVideoInput.parse(validVideoInput), callbackId: "ours" });
    let failures = 2;
    heygenServer.use(
      http.get(api("/v3/videos/:id"), () => {
        if (failures-- <= 0) return undefined; // on to the fake HeyGen
        return failures === 1 ? HttpResponse.error() : new HttpResponse("<h1>502</h1>", { status: 502 });
      }),
    );
    heygenRequests.length = 0;
    expect((await heygen.getVideo(videoId)).state).toBe("COMPLETED");
    expect(heygenRequests).toHaveLength(3);

    heygenServer.use(http.get(api("/v3/videos/:id"), () => HttpResponse.error()));
    heygenRequests.length = 0;
    await expect(heygen.getVideo(videoId)).rejects.toMatchObject({ kind: "network" });
    expect(heygenRequests).toHaveLength(4); // the first try and 3 retries, then it gives up
  });
});
