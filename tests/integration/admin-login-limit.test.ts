import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as login } from "@/app/api/admin/login/route";
import { CLIENT_ATTEMPTS, OVERALL_FAILURES } from "@/server/auth/login-limit";
import { TEST_ENV } from "../support/test-env";

/** A login as it arrives through the reverse proxy, which names the client in X-Forwarded-For. */
function loginFrom(client: string, password: string) {
  return login(
    new NextRequest(new URL("/api/admin/login", TEST_ENV.APP_URL), {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": client },
      body: JSON.stringify({ password }),
    }),
  );
}

const RIGHT = TEST_ENV.ADMIN_PASSWORD;
const WRONG = "not the password";

async function failTimes(client: string, times: number) {
  for (let i = 0; i < times; i++) expect((await loginFrom(client, WRONG)).status).toBe(401);
}

afterEach(() => {
  vi.useRealTimers();
});

describe("failed-login limits", () => {
  it("answers 429 with Retry-After to a client's 6th wrong attempt, and then even to the right password", async () => {
    expect(CLIENT_ATTEMPTS).toBe(5);
    await failTimes("203.0.113.7", CLIENT_ATTEMPTS);

    const sixth = await loginFrom("203.0.113.7", WRONG);
    expect(sixth.status).toBe(429);
    const retryAfter = Number(sixth.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(await sixth.json()).toEqual({
      error: { code: "too_many_attempts", message: expect.stringMatching(/15 minutes/) },
    });

    // The first hop of X-Forwarded-For is the client, whatever proxies follow it.
    const right = await loginFrom("203.0.113.7, 10.0.0.2", RIGHT);
    expect(right.status).toBe(429);
    expect(right.headers.get("set-cookie")).toBeNull();

    // Another client is not affected.
    expect((await loginFrom("198.51.100.4", RIGHT)).status).toBe(200);
  });

  it("checks at most 5 passwords from one client however many arrive at once; the rest get 429 and Retry-After", async () => {
    const burst = await Promise.all(Array.from({ length: 40 }, () => loginFrom("203.0.113.10", WRONG)));
    const statuses = burst.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(CLIENT_ATTEMPTS);
    expect(statuses.filter((status) => status === 429)).toHaveLength(40 - CLIENT_ATTEMPTS);
    for (const refused of burst.filter((answer) => answer.status === 429)) {
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    // The right password does not get through either, and the client stays blocked for the full 15 minutes.
    const right = await loginFrom("203.0.113.10", RIGHT);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
  });

  it("blocks for 15 minutes from the client's last allowed failure, not from its first", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.now();
    await failTimes("203.0.113.9", CLIENT_ATTEMPTS - 1);
    vi.setSystemTime(start + 10 * 60_000);
    await failTimes("203.0.113.9", 1);
    expect(Number((await loginFrom("203.0.113.9", RIGHT)).headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    vi.setSystemTime(start + 24 * 60_000);
    expect((await loginFrom("203.0.113.9", RIGHT)).status).toBe(429);
    vi.setSystemTime(start + 26 * 60_000);
    expect((await loginFrom("203.0.113.9", RIGHT)).status).toBe(200);
  });

  it("forgets a client's failures when it logs in", async () => {
    await failTimes("203.0.113.8", CLIENT_ATTEMPTS - 1);
    expect((await loginFrom("203.0.113.8", RIGHT)).status).toBe(200);
    await failTimes("203.0.113.8", CLIENT_ATTEMPTS);
    expect((await loginFrom("203.0.113.8", WRONG)).status).toBe(429);
  });

  it(`stops every client after ${OVERALL_FAILURES} failures overall in an hour`, async () => {
    // One failure each from many addresses: no client reaches its own limit.
    for (let i = 0; i < OVERALL_FAILURES; i++) expect((await loginFrom(`192.0.2.${i}`, WRONG)).status).toBe(401);

    const fresh = await loginFrom("198.51.100.99", RIGHT);
    expect(fresh.status).toBe(429);
    expect(Number(fresh.headers.get("retry-after"))).toBeGreaterThan(59 * 60);
  });
});
