import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CLIENT_ATTEMPTS } from "@/server/auth/login-limit";
import { RIGHT, WRONG, behindProxies, knownDevice, loginFrom } from "../support/login";

async function failTimes(client: string, times: number, cookie?: string) {
  for (let i = 0; i < times; i++) expect((await loginFrom(client, WRONG, cookie)).status).toBe(401);
}

beforeEach(() => behindProxies(1));
afterEach(() => {
  vi.useRealTimers();
});

describe("per-client login limit", () => {
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

    // With one trusted proxy the client is the address that proxy appended: what the client wrote before it is
    // ignored, so it cannot name itself someone else.
    const right = await loginFrom("198.51.100.4, 203.0.113.7", RIGHT);
    expect(right.status).toBe(429);
    expect(right.headers.get("set-cookie")).toBeNull();

    // Another client is not affected.
    expect((await loginFrom("203.0.113.7, 198.51.100.4", RIGHT)).status).toBe(200);
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

  it("holds the same limit on a known device, by the device: another device or address is not affected", async () => {
    const device = await knownDevice("203.0.113.11");
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => loginFrom(`192.0.2.${i}`, WRONG, device)));
    expect(burst.filter((answer) => answer.status === 401)).toHaveLength(CLIENT_ATTEMPTS);
    expect((await loginFrom("192.0.2.99", RIGHT, device)).status).toBe(429);
    // The address it logged in from, and a device of its own, still may.
    expect((await loginFrom("203.0.113.11", RIGHT)).status).toBe(200);
    expect((await loginFrom("192.0.2.1", RIGHT, await knownDevice("198.51.100.9"))).status).toBe(200);
  });

  it("blocks for 15 minutes from the client's last allowed failure, not from its first", async () => {
    // A known device, which the global slow-down does not pace: its clock is the frozen one below.
    const device = await knownDevice();
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.now();
    await failTimes("203.0.113.9", CLIENT_ATTEMPTS - 1, device);
    vi.setSystemTime(start + 10 * 60_000);
    await failTimes("203.0.113.9", 1, device);
    expect(Number((await loginFrom("203.0.113.9", RIGHT, device)).headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    vi.setSystemTime(start + 24 * 60_000);
    expect((await loginFrom("203.0.113.9", RIGHT, device)).status).toBe(429);
    vi.setSystemTime(start + 26 * 60_000);
    expect((await loginFrom("203.0.113.9", RIGHT, device)).status).toBe(200);
  });

  it("forgets a client's failures when it logs in", async () => {
    const device = await knownDevice();
    await failTimes("203.0.113.8", CLIENT_ATTEMPTS - 1, device);
    expect((await loginFrom("203.0.113.8", RIGHT, device)).status).toBe(200);
    await failTimes("203.0.113.8", CLIENT_ATTEMPTS, device);
    expect((await loginFrom("203.0.113.8", WRONG, device)).status).toBe(429);
  });

  it("without TRUST_PROXY ignores X-Forwarded-For: every client shares one limit", async () => {
    await behindProxies(0);
    for (let i = 0; i < CLIENT_ATTEMPTS; i++) expect((await loginFrom(`192.0.2.${i}`, WRONG)).status).toBe(401);
    expect((await loginFrom("198.51.100.50", RIGHT)).status).toBe(429);
    expect((await loginFrom(null, RIGHT)).status).toBe(429);
  });

  it("with TRUST_PROXY=2 takes the address the outer proxy saw, whatever the client wrote before it", async () => {
    await behindProxies(2);
    const device = "203.0.113.20";
    for (let i = 0; i < CLIENT_ATTEMPTS; i++) {
      expect((await loginFrom(`10.9.9.${i}, ${device}, 10.0.0.${i}`, WRONG)).status).toBe(401);
    }
    expect((await loginFrom(`${device}, 10.0.0.1`, RIGHT)).status).toBe(429);
    expect((await loginFrom(`${device}, 203.0.113.21, 10.0.0.1`, RIGHT)).status).toBe(200);
  });
});
