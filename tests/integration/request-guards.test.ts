import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { POST as login } from "@/app/api/admin/login/route";
import { POST as callback } from "@/app/api/heygen/callback/route";
import { POST as createVideoRoute } from "@/app/api/videos/route";
import { db } from "@/server/db";
import { logger } from "@/server/logger";
import { fakeHeygen } from "../support/heygen";
import { adminCookie, hmac, signedV3, validVideoInput, videoRow } from "../support/requests";
import { callRoute } from "../support/route-scope";
import { TEST_ENV } from "../support/test-env";

function post(path: string, body: BodyInit, headers: Record<string, string>) {
  // duplex: a streamed body needs it (Node fetch); NextRequest's init type does not list it.
  return new NextRequest(`${TEST_ENV.APP_URL}${path}`, {
    method: "POST",
    headers,
    body,
    duplex: "half",
  } as ConstructorParameters<typeof NextRequest>[1]);
}

const json = { "content-type": "application/json" };

describe("state-changing routes refuse other sites", () => {
  it.each([
    ["another origin", { origin: "https://evil.example" }],
    ["a sibling subdomain (same-site)", { "sec-fetch-site": "same-site", origin: "https://blog.app.test" }],
    ["a cross-site fetch", { "sec-fetch-site": "cross-site" }],
  ])("refuses %s with 403 and makes nothing", async (_label, headers) => {
    const cookie = await adminCookie();
    const response = await createVideoRoute(
      post("/api/videos", JSON.stringify(validVideoInput), { ...json, cookie, ...headers }),
    );
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("cross_origin");
    expect(await db.video.count()).toBe(0);
    expect(fakeHeygen.jobs.size).toBe(0);
  });

  it("accepts the app's own origin, and the login form is guarded the same way", async () => {
    const cookie = await adminCookie();
    const own = { ...json, cookie, origin: TEST_ENV.APP_URL, "sec-fetch-site": "same-origin" };
    expect((await createVideoRoute(post("/api/videos", JSON.stringify(validVideoInput), own))).status).toBe(201);
    const foreignLogin = post("/api/admin/login", JSON.stringify({ password: TEST_ENV.ADMIN_PASSWORD }), {
      ...json,
      origin: "https://evil.example",
    });
    const refused = await login(foreignLogin);
    expect(refused.status).toBe(403);
    expect(refused.headers.get("set-cookie")).toBeNull();
  });

  it("lets HeyGen's server-to-server webhook through whatever its Origin", async () => {
    const video = await db.video.create({ data: { ...videoRow, status: "PROCESSING", heygenVideoId: "h-origin" } });
    const body = JSON.stringify({
      event_id: "evt_o",
      event_type: "avatar_video.fail",
      event_data: { video_id: "h-origin", failure_message: "x" },
    });
    const request = post("/api/heygen/callback", body, {
      ...json,
      origin: "https://hooks.heygen.com",
      "heygen-signature": hmac(body),
      "heygen-timestamp": String(Math.floor(Date.now() / 1000)),
    });
    expect((await callRoute(() => callback(request))).response.status).toBe(200);
    expect((await db.video.findUniqueOrThrow({ where: { id: video.id } })).status).toBe("FAILED");
  });
});

describe("bodies", () => {
  it("refuses a JSON body sent as text/plain with 415 (a form on another site can send text/plain)", async () => {
    const cookie = await adminCookie();
    const response = await createVideoRoute(
      post("/api/videos", JSON.stringify(validVideoInput), { "content-type": "text/plain", cookie }),
    );
    expect(response.status).toBe(415);
    expect(await db.video.count()).toBe(0);
    expect(
      (await login(post("/api/admin/login", JSON.stringify({ password: "x" }), { "content-type": "text/plain" })))
        .status,
    ).toBe(415);
  });

  it("refuses a body over 64 KiB with 413, declared or streamed, before reading on", async () => {
    const big = JSON.stringify({ ...validVideoInput, padding: "x".repeat(70_000) });
    const cookie = await adminCookie();
    const declared = await createVideoRoute(
      post("/api/videos", big, { ...json, cookie, "content-length": String(big.length) }),
    );
    expect(declared.status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 80; i++) controller.enqueue(new TextEncoder().encode("x".repeat(1024)));
        controller.close();
      },
    });
    expect((await login(post("/api/admin/login", stream, json))).status).toBe(413);
    expect(await db.video.count()).toBe(0);
  });
});

describe("logs", () => {
  it("writes one structured line per request, with a request id, and no secret, signature, password or script", async () => {
    const lines: unknown[] = [];
    vi.spyOn(logger, "info").mockImplementation(((line: unknown) => void lines.push(line)) as never);
    vi.spyOn(logger, "warn").mockImplementation(((line: unknown) => void lines.push(line)) as never);
    vi.spyOn(logger, "error").mockImplementation(((line: unknown) => void lines.push(line)) as never);

    const cookie = await adminCookie();
    const script = "A secret script nobody should find in the logs";
    const created = await createVideoRoute(
      post("/api/videos", JSON.stringify({ ...validVideoInput, script }), { ...json, cookie }),
    );
    const { id } = await created.json();
    const row = await db.video.findUniqueOrThrow({ where: { id } });
    const delivery = signedV3({
      event_id: "evt_log",
      event_type: "avatar_video.success",
      event_data: { video_id: row.heygenVideoId, video_url: "https://cdn.test/v.mp4" },
    });
    const signature = delivery.headers.get("heygen-signature")!;
    await callRoute(() => callback(delivery));

    const requests = lines.filter((line) => (line as { reqId?: string }).reqId) as Array<Record<string, unknown>>;
    expect(requests.map((line) => [line.method, line.path, line.status])).toEqual([
      ["POST", "/api/admin/login", 200],
      ["POST", "/api/videos", 201],
      ["POST", "/api/heygen/callback", 200],
    ]);
    expect(requests[2]).toMatchObject({
      scheme: "signed_v3",
      outcome: "applied",
      reqId: expect.stringMatching(/^[\w-]{8,}$/),
    });
    expect(created.headers.get("x-request-id")).toBe(requests[1]!.reqId);
    const text = JSON.stringify(lines);
    for (const secret of [
      TEST_ENV.HEYGEN_SECRET,
      TEST_ENV.HEYGEN_API_KEY,
      TEST_ENV.ADMIN_PASSWORD,
      TEST_ENV.SESSION_SECRET,
      signature,
      script,
      cookie.split("=")[1]!,
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
