import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import { POST as logout } from "@/app/api/admin/logout/route";
import { PACE_QUEUE_SIZE } from "@/server/auth/login-limit";
import { RIGHT, WRONG, behindProxies, knownDevice, loginFrom, setCookie } from "../support/login";
import { TEST_ENV } from "../support/test-env";

/** A request's answer with the moment it came back (ms since the test's start). */
async function timed(started: number, answer: Promise<Response>) {
  const response = await answer;
  return { response, status: response.status, at: performance.now() - started };
}

beforeEach(() => behindProxies(1));

describe("global login slow-down", () => {
  it("checks one password per second for new clients, queued rather than refused", async () => {
    const started = performance.now();
    const answers = await Promise.all([
      ...[1, 2, 3, 4].map((i) => timed(started, loginFrom(`192.0.2.${i}`, WRONG))),
      timed(started, loginFrom("198.51.100.1", RIGHT)),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401, 401, 401, 401]);
    // Five checks at one per second: the last one at least four seconds after the first window opened.
    const times = answers.map((answer) => answer.at).sort((a, b) => a - b);
    expect(times.at(-1)! - times[0]!).toBeGreaterThan(3_000);
  });

  it("lets a known device through a flood at once; new clients wait in a bounded line, then get 429", async () => {
    const device = await knownDevice();
    const started = performance.now();
    // More new clients than the line holds, each from its own address (within its own limit).
    const flood = Array.from({ length: PACE_QUEUE_SIZE + 3 }, (_, i) =>
      timed(started, loginFrom(`192.0.2.${i}`, WRONG)),
    );
    // Let the flood fill the line: its first refusal is the evidence.
    const firstRefusal = await Promise.race(
      flood.map(async (answer) => ((await answer).status === 429 ? answer : new Promise<never>(() => {}))),
    );
    expect(firstRefusal.response.headers.get("retry-after")).toBe(String(PACE_QUEUE_SIZE));
    expect(await firstRefusal.response.json()).toEqual({
      error: {
        code: "too_many_attempts",
        message: `Too many logins are waiting. Try again in ${PACE_QUEUE_SIZE} seconds.`,
      },
    });

    const admin = await timed(started, loginFrom("203.0.113.1", RIGHT, device));
    expect(admin.status).toBe(200);
    // A new browser with the right password, or one with a forged known-device cookie, is held like the flood:
    // refused while the line is full, else served behind it.
    const held = await Promise.all([
      timed(started, loginFrom("203.0.113.2", RIGHT)),
      timed(started, loginFrom("203.0.113.3", RIGHT, `${device.slice(0, -4)}AAAA`)),
    ]);
    for (const answer of held) {
      if (answer.status !== 429) expect(answer.at).toBeGreaterThan(admin.at + 5_000);
    }

    const answers = await Promise.all(flood);
    const checked = answers.filter((answer) => answer.status === 401);
    expect(admin.at).toBeLessThan(Math.min(...checked.map((answer) => answer.at)) + 1_000);
    expect(checked.length + answers.filter((answer) => answer.status === 429).length).toBe(flood.length);
    // The line was served one per second, and the known device did not wait for it.
    expect(checked.length).toBeGreaterThanOrEqual(PACE_QUEUE_SIZE);
    expect(Math.max(...checked.map((answer) => answer.at))).toBeGreaterThan(admin.at + 5_000);
  }, 40_000);

  it("sets the known-device cookie at login: httpOnly, for the login route only, long-lived, kept by logout", async () => {
    const login = await loginFrom("203.0.113.5", RIGHT);
    const device = setCookie(login, "known_device")!;
    expect(device.line).toMatch(/HttpOnly/i);
    expect(device.line).toMatch(/Path=\/api\/admin\/login(;|$)/i);
    expect(device.line).toMatch(/SameSite=strict/i);
    expect(Number(/Max-Age=(\d+)/i.exec(device.line)![1])).toBeGreaterThanOrEqual(180 * 24 * 3600);
    const session = setCookie(login, "admin_session")!;

    const out = await logout(
      new NextRequest(new URL("/api/admin/logout", TEST_ENV.APP_URL), {
        method: "POST",
        headers: { cookie: `${session.pair}; ${device.pair}` },
      }),
    );
    expect(out.status).toBe(200);
    expect(setCookie(out, "known_device")).toBeUndefined();
  });
});
