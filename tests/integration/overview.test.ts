import { delay, http, HttpResponse } from "msw";
import type { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/admin/overview/route";
import { POST as callback } from "@/app/api/heygen/callback/route";
import type { Prisma } from "@/generated/prisma/client";
import type { BillingType } from "@/lib/account";
import type { Overview } from "@/lib/overview";
import { ACCOUNT_TTL_MS } from "@/server/overview/heygen-account";
import { db } from "@/server/db";
import { fakeHeygen, heygenRequests, heygenServer } from "../support/heygen";
import { adminCookie, getRequest, signedLegacy, signedV3, unsigned, videoRow } from "../support/requests";
import { restartProcess } from "../support/restart-process";
import { callRoute } from "../support/route-scope";
import { TEST_ENV } from "../support/test-env";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const USERS_ME = `${TEST_ENV.HEYGEN_API_URL}/v3/users/me`;

/** The route as an instance started now sees it: empty caches, the environment as stubbed. */
async function freshRoute(environment: Record<string, string> = {}) {
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  await restartProcess();
  return GET;
}

async function overview(route = GET, cookie?: string): Promise<Overview> {
  const response = await route(getRequest("/api/admin/overview", cookie ?? (await adminCookie())));
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  return (await response.json()) as Overview;
}

const video = (fields: Partial<Prisma.VideoCreateManyInput>) => ({ ...videoRow, ...fields });
const midnightUtc = () => {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
};

describe("GET /api/admin/overview", () => {
  it("answers 401 without an admin session", async () => {
    const response = await GET(getRequest("/api/admin/overview"));
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthorized");
  });

  describe("videos", () => {
    it("counts videos by status since midnight UTC and all time, and the seconds completed videos rendered, priced", async () => {
      const midnight = midnightUtc();
      const yesterday = new Date(midnight - MINUTE);
      const today = new Date(midnight + MINUTE);
      await db.video.createMany({
        data: [
          video({ status: "COMPLETED", duration: 30, createdAt: yesterday }),
          video({ status: "FAILED", createdAt: yesterday }),
          video({ status: "COMPLETED", duration: 12, createdAt: today }),
          video({ status: "COMPLETED", duration: 0.5, createdAt: today }),
          // A duration on anything but a completed video is no output.
          video({ status: "FAILED", duration: 99, createdAt: today }),
          video({ status: "PROCESSING", createdAt: today }),
        ],
      });

      const { todayStartedAt, videos } = await overview();
      expect(todayStartedAt).toBe(new Date(midnight).toISOString());
      expect(videos.today).toEqual({
        counts: { PENDING: 0, PROCESSING: 1, COMPLETED: 2, FAILED: 1 },
        renderedSeconds: 12.5,
        costUsd: 1.25,
      });
      expect(videos.allTime).toEqual({
        counts: { PENDING: 0, PROCESSING: 1, COMPLETED: 3, FAILED: 2 },
        renderedSeconds: 42.5,
        costUsd: 4.25,
      });
    });

    it("says how many videos are queued or rendering, and which has waited longest", async () => {
      expect((await overview()).videos.inProgress).toEqual({ count: 0, oldest: null });

      const now = Date.now();
      await db.video.createMany({
        data: [
          video({ title: "Old but done", status: "COMPLETED", createdAt: new Date(now - 5 * HOUR) }),
          video({ title: "Queued", status: "PENDING", createdAt: new Date(now - 3 * MINUTE) }),
          video({ title: "Rendering", status: "PROCESSING", createdAt: new Date(now - MINUTE) }),
        ],
      });
      const oldest = await db.video.create({
        data: video({ title: "Longest wait", status: "PROCESSING", createdAt: new Date(now - 10 * MINUTE) }),
      });
      expect((await overview()).videos.inProgress).toEqual({
        count: 3,
        oldest: { id: oldest.id, title: "Longest wait", createdAt: oldest.createdAt.toISOString() },
      });

      await db.video.update({
        where: { id: oldest.id },
        data: { createdAt: new Date(now - 20 * MINUTE), status: "PENDING" },
      });
      expect((await overview()).videos.inProgress.oldest?.id).toBe(oldest.id);
    });

    it("gives the typical render time of recent renders", async () => {
      const now = Date.now();
      await db.video.createMany({
        data: [60, 120, 600].map((seconds) =>
          video({ status: "COMPLETED", createdAt: new Date(now - seconds * 1000), completedAt: new Date(now) }),
        ),
      });
      expect((await overview(await freshRoute())).videos.typicalRenderSeconds).toBe(120);
    });
  });

  describe("review and publishing", () => {
    it("counts ready drafts nobody decided on, and the videos scheduled with the soonest moment", async () => {
      expect((await overview()).review).toEqual({ awaitingReview: 0, scheduled: 0, nextPublishAt: null });
      const now = Date.now();
      const soon = new Date(now + HOUR);
      await db.video.createMany({
        data: [
          video({ status: "COMPLETED", visibility: "DRAFT" }),
          video({ status: "COMPLETED", visibility: "DRAFT" }),
          video({ status: "PROCESSING", visibility: "DRAFT" }), // not ready: not yet in review
          video({ status: "COMPLETED", visibility: "PRIVATE", rejectedAt: new Date(now) }), // rejected
          video({ status: "COMPLETED", visibility: "PUBLIC", publishAt: new Date(now + 5 * HOUR) }),
          video({ status: "COMPLETED", visibility: "UNLISTED", publishAt: soon }),
          video({ status: "COMPLETED", visibility: "PUBLIC", publishAt: new Date(now - HOUR) }), // already public
          video({ status: "COMPLETED", visibility: "PRIVATE", publishAt: new Date(now + HOUR) }), // never public
        ],
      });
      expect((await overview()).review).toEqual({ awaitingReview: 2, scheduled: 2, nextPublishAt: soon.toISOString() });
    });
  });

  describe("the HeyGen account", () => {
    it.each<[BillingType, Overview["heygen"]]>([
      ["wallet", { account: { billingType: "wallet", balance: "1,000 credits left", details: [] }, problem: null }],
      [
        "subscription",
        {
          account: {
            billingType: "subscription",
            balance: "1,000 credits left (pro plan)",
            details: [expect.stringMatching(/^Premium credits renew on \d{1,2} \w{3} \d{4}$/)],
          },
          problem: null,
        },
      ],
      [
        "usage_based",
        {
          account: { billingType: "usage_based", balance: "1,000 credits left", details: ["Spent $0 of $100 cap"] },
          problem: null,
        },
      ],
    ])("reports a %s account as the fake HeyGen describes it", async (billingType, expected) => {
      fakeHeygen.setBillingType(billingType);
      expect((await overview(await freshRoute())).heygen).toEqual(expected);
    });

    const profile = { username: "u", email: "u@example.test", first_name: "U", last_name: "Ser" };
    it.each<[string, Record<string, unknown>, Partial<NonNullable<Overview["heygen"]["account"]>>]>([
      [
        "a wallet in dollars",
        {
          billing_type: "wallet",
          wallet: { remaining_balance: 12.5, currency: "usd", auto_reload: { enabled: false } },
        },
        { balance: "$12.50 left", details: [] },
      ],
      [
        "a subscription with add-on credits",
        {
          billing_type: "subscription",
          subscription: {
            plan: "creator",
            credits: {
              premium_credits: { remaining: 40, resets_at: "2026-02-01T00:00:00Z" },
              add_on_credits: { remaining: 2, resets_at: null },
            },
          },
        },
        {
          balance: "42 credits left (creator plan)",
          details: ["40 premium + 2 add-on credits", "Premium credits renew on 1 Feb 2026"],
        },
      ],
      [
        "usage-based spending against its cap",
        {
          billing_type: "usage_based",
          usage_based: { included_credits: 100, remaining_credits: 0, spending_cap_usd: 100, spending_current_usd: 12 },
        },
        { balance: "0 credits left", details: ["Spent $12 of $100 cap"] },
      ],
      [
        "an unknown billing type",
        { billing_type: "prepaid_tokens", tokens: { left: 5 } },
        { billingType: null, balance: null, details: [] },
      ],
      ["no billing type", {}, { billingType: null, balance: null, details: [] }],
      [
        "a wallet without its figures",
        { billing_type: "wallet", wallet: null },
        { billingType: "wallet", balance: null, details: [] },
      ],
      [
        "a wallet in dollars, written in capitals",
        { billing_type: "wallet", wallet: { remaining_balance: 12.5, currency: "USD" } },
        { balance: "$12.50 left" },
      ],
      [
        "a wallet in credits, written in capitals",
        { billing_type: "wallet", wallet: { remaining_balance: 42, currency: "CREDITS" } },
        { balance: "42 credits left" },
      ],
      [
        "a wallet in a currency it does not document, as the number with its code",
        { billing_type: "wallet", wallet: { remaining_balance: 12.5, currency: "eur" } },
        { balance: "12.50 EUR left" },
      ],
      [
        "a wallet that does not say its currency",
        { billing_type: "wallet", wallet: { remaining_balance: 3, currency: null } },
        { balance: null },
      ],
      [
        "a subscription without credits",
        { billing_type: "subscription", subscription: { plan: "pro" } },
        { balance: null, details: ["pro plan"] },
      ],
      [
        "figures in shapes it does not document",
        {
          billing_type: "usage_based",
          usage_based: { remaining_credits: "lots", spending_cap_usd: 50, spending_current_usd: null },
        },
        { billingType: "usage_based", balance: null, details: ["Spending cap $50"] },
      ],
    ])("reports %s, leaving out what HeyGen did not report", async (_, data, expected) => {
      heygenServer.use(http.get(USERS_ME, () => HttpResponse.json({ data: { ...profile, ...data } })));
      const { heygen } = await overview(await freshRoute());
      expect(heygen.problem).toBeNull();
      expect(heygen.account).toMatchObject(expected);
    });

    it("asks HeyGen once a minute at most, however often the page is loaded", async () => {
      const route = await freshRoute();
      const calls = () => heygenRequests.filter((line) => line === "GET /v3/users/me").length;
      const cookie = await adminCookie();
      // A slow HeyGen: the second load arrives while the first waits, and shares its call.
      heygenServer.use(http.get(USERS_ME, () => delay(300)));
      await Promise.all([overview(route, cookie), overview(route, cookie)]);
      await overview(route, cookie);
      expect(calls()).toBe(1);

      fakeHeygen.setBillingType("wallet");
      vi.spyOn(Date, "now").mockReturnValue(Date.now() + ACCOUNT_TTL_MS + 1000);
      expect((await overview(route)).heygen.account?.billingType).toBe("wallet");
      expect(calls()).toBe(2);
    });

    it.each([
      ["unreachable", () => HttpResponse.error(), /^HeyGen's account could not be read: HeyGen could not be reached/],
      [
        "refusing the API key",
        () => HttpResponse.json({ error: { code: "unauthorized", message: "Invalid API key" } }, { status: 401 }),
        /Invalid API key/,
      ],
      ["answering nonsense", () => HttpResponse.json({ data: "nope" }), /unreadable answer/],
    ])("says why when HeyGen is %s, shows the rest, and asks again on the next load", async (_, answer, problem) => {
      await db.video.create({ data: video({ status: "COMPLETED", duration: 5 }) });
      heygenServer.use(http.get(USERS_ME, answer));
      const route = await freshRoute();

      const down = await overview(route);
      expect(down.heygen).toEqual({ account: null, problem: expect.stringMatching(problem) });
      expect(down.videos.allTime.counts.COMPLETED).toBe(1);
      expect(down.webhooks.secretSource).toBe("environment");
      expect(heygenRequests.filter((line) => line === "GET /v3/users/me")).toHaveLength(1); // not retried

      heygenServer.resetHandlers();
      expect((await overview(route)).heygen.account?.balance).toMatch(/credits left/);
    });

    it("gives up on a HeyGen that does not answer after one timeout, not after retries", async () => {
      heygenServer.use(http.get(USERS_ME, () => new Promise<Response>(() => {})));
      const started = performance.now();
      const { heygen } = await overview(await freshRoute());
      expect(heygen.problem).toMatch(/did not answer GET \/v3\/users\/me within 1.5 s/);
      expect(performance.now() - started).toBeLessThan(2 * Number(TEST_ENV.HEYGEN_TIMEOUT_MS));
    });
  });

  describe("webhooks", () => {
    const success = (heygenVideoId: string) => ({
      event_id: `evt_${Math.random().toString(16).slice(2)}`,
      event_type: "avatar_video.success",
      event_data: { video_id: heygenVideoId, video_url: "https://resource.heygen.ai/v.mp4?Expires=1" },
    });

    it("says where the signing secret comes from, or that there is none", async () => {
      expect((await overview()).webhooks.secretSource).toBe("environment");
      expect((await overview(await freshRoute({ HEYGEN_SECRET: "" }))).webhooks).toMatchObject({ secretSource: null });
    });

    it.each([
      ["signed (v3)", signedV3],
      ["signed (legacy)", (payload: Record<string, unknown>) => signedLegacy(payload)],
    ])("dates the last verified event: a %s delivery, not unsigned or refused ones", async (_, sign) => {
      await db.video.create({ data: video({ status: "PROCESSING", heygenVideoId: "h-1" }) });
      const deliver = async (request: NextRequest) => (await callRoute(() => callback(request))).response.status;

      expect(await deliver(unsigned(success("h-1")))).toBe(202);
      expect(await deliver(signedV3(success("h-1"), { secret: "not-the-secret" }))).toBe(401);
      const before = (await overview()).webhooks;
      expect(before).toMatchObject({
        lastVerifiedAt: null,
        rejectedLastDay: 1,
        lastRejection: "Signature does not match the body",
      });

      const sent = new Date();
      expect(await deliver(sign(success("h-1")))).toBe(200);
      const { lastVerifiedAt } = (await overview()).webhooks;
      expect(Date.parse(lastVerifiedAt!)).toBeGreaterThanOrEqual(sent.getTime() - 1000);
      expect(Date.parse(lastVerifiedAt!)).toBeLessThanOrEqual(Date.now() + 1000);
    });

    it("counts refusals of the last 24 hours only, from the per-minute counts", async () => {
      const now = Date.now();
      const at = (ago: number) => new Date(Math.floor((now - ago) / MINUTE) * MINUTE);
      await db.webhookTurnedAway.createMany({
        data: [
          { minute: at(25 * HOUR), reason: "bad_signature", count: 50 },
          { minute: at(2 * HOUR), reason: "missing_timestamp", count: 1 },
          { minute: at(MINUTE), reason: "stale_timestamp", count: 1 },
          { minute: at(MINUTE), reason: "unknown_video", count: 7 }, // answered 202: not a refusal
        ],
      });
      await db.webhookDelivery.create({ data: { scheme: "signed_v3", outcome: "applied", receivedAt: at(30 * HOUR) } });
      expect((await overview()).webhooks).toMatchObject({
        rejectedLastDay: 2,
        lastRejection: "Heygen-Timestamp malformed or more than 300 s from now",
        lastVerifiedAt: at(30 * HOUR).toISOString(),
      });
    });

    it.each([
      ["missing", "", null, /^Set APP_URL to the app's public https address/],
      [
        "plain http",
        "http://videos.example.test",
        "http://videos.example.test/api/heygen/callback",
        /^APP_URL \(http:\/\/videos\.example\.test\) is not https, and HeyGen posts only to a public https address/,
      ],
      ["https", "https://videos.example.test", "https://videos.example.test/api/heygen/callback", null],
    ])(
      "with APP_URL %s and no event yet: the callback URL, and what to do about it",
      async (_, appUrl, url, problem) => {
        const { webhooks } = await overview(await freshRoute({ APP_URL: appUrl }));
        expect(webhooks.status.callbackUrl).toBe(url);
        expect(webhooks.status.deliveries).toMatch(/^No signed event has arrived in the last 30 days\./);
        if (problem) expect(webhooks.status.problem).toMatch(problem);
        else expect(webhooks.status.problem).toBeNull();
      },
    );
  });
});
