import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as login } from "@/app/api/admin/login/route";
import { DELETE as logOutEverywhere } from "@/app/api/admin/sessions/route";
import { POST as createVideo } from "@/app/api/videos/route";
import { adminCookie, jsonRequest } from "../support/requests";
import { restartProcess } from "../support/restart-process";
import { TEST_ENV } from "../support/test-env";

/**
 * 401 when the cookie is refused, 400 when it is accepted: an empty body is refused only after the admin check,
 * so no video is made and HeyGen is never called.
 */
async function adminStatus(cookie: string): Promise<number> {
  return (await createVideo(jsonRequest("/api/videos", {}, { cookie }))).status;
}

async function loginCookie(password: string = TEST_ENV.ADMIN_PASSWORD) {
  const response = await login(jsonRequest("/api/admin/login", { password }));
  expect(response.status).toBe(200);
  return { cookie: response.headers.get("set-cookie")!.split(";")[0]!, setCookie: response.headers.get("set-cookie")! };
}

const HOUR = 3_600_000;

afterEach(() => {
  vi.useRealTimers();
});

describe("admin sessions end", () => {
  it("log out everywhere: every earlier cookie gets 401, the caller's is cleared, a new login works", async () => {
    const mine = await adminCookie();
    const otherBrowser = await adminCookie();
    expect(await adminStatus(mine)).toBe(400);
    expect(await adminStatus(otherBrowser)).toBe(400);

    const response = await logOutEverywhere(
      jsonRequest("/api/admin/sessions", undefined, { method: "DELETE", cookie: mine }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toMatch(/admin_session=;.*Max-Age=0/i);

    expect(await adminStatus(mine)).toBe(401);
    expect(await adminStatus(otherBrowser)).toBe(401);
    expect(await adminStatus(await adminCookie())).toBe(400);
  });

  it("log out everywhere needs a session itself", async () => {
    const response = await logOutEverywhere(jsonRequest("/api/admin/sessions", undefined, { method: "DELETE" }));
    expect(response.status).toBe(401);
  });

  it("a new ADMIN_PASSWORD ends the old sessions as soon as an instance runs with it", async () => {
    const old = await adminCookie();
    expect(await adminStatus(old)).toBe(400);

    vi.stubEnv("ADMIN_PASSWORD", "a brand new admin password");
    await restartProcess();
    // Refused before anyone logs in with the new password.
    expect(await adminStatus(old)).toBe(401);
    expect((await login(jsonRequest("/api/admin/login", { password: TEST_ENV.ADMIN_PASSWORD }))).status).toBe(401);
    const { cookie } = await loginCookie("a brand new admin password");
    expect(await adminStatus(cookie)).toBe(400);
  });

  it("lasts 12 hours by default", async () => {
    expect((await loginCookie()).setCookie).toMatch(/Max-Age=43200/);
  });

  it("is refused once SESSION_TTL_HOURS have passed", async () => {
    vi.stubEnv("SESSION_TTL_HOURS", "1");
    await restartProcess();
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.now();
    const { cookie, setCookie } = await loginCookie();
    expect(setCookie).toMatch(/Max-Age=3600/);

    vi.setSystemTime(start + 0.98 * HOUR);
    expect(await adminStatus(cookie)).toBe(400);
    vi.setSystemTime(start + 2 * HOUR);
    expect(await adminStatus(cookie)).toBe(401);
  });

  it("a shorter SESSION_TTL_HOURS also shortens the sessions issued before it", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.now();
    const { cookie } = await loginCookie(); // sealed for the default 12 hours

    vi.stubEnv("SESSION_TTL_HOURS", "1");
    await restartProcess();
    vi.setSystemTime(start + 2 * HOUR);
    expect(await adminStatus(cookie)).toBe(401);
    // An instance still on 12 hours (the environment as it was) accepts it.
    vi.unstubAllEnvs();
    await restartProcess();
    expect(await adminStatus(cookie)).toBe(400);
  });
});
