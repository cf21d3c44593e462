import { describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/admin/login/route";
import { POST as logout } from "@/app/api/admin/logout/route";
import { GET as listVideos } from "@/app/api/videos/route";
import { db } from "@/server/db";
import { getRequest, jsonRequest, validVideoInput } from "../support/requests";
import { TEST_ENV } from "../support/test-env";

async function seeUnfinishedVideos(cookie?: string): Promise<boolean> {
  const body = await (await listVideos(getRequest("/api/videos", cookie))).json();
  return body.videos.some((v: { status: string }) => v.status !== "COMPLETED");
}

describe("admin session", () => {
  it("sets an httpOnly, SameSite=Lax session cookie for the right password", async () => {
    const response = await login(jsonRequest("/api/admin/login", { password: TEST_ENV.ADMIN_PASSWORD }));
    expect(response.status).toBe(200);
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^admin_session=[^;]+/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
    expect(setCookie).not.toContain(TEST_ENV.ADMIN_PASSWORD);
  });

  it("answers 401 and sets no cookie for a wrong password, 400 for a missing one", async () => {
    const wrong = await login(jsonRequest("/api/admin/login", { password: "guess" }));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("set-cookie")).toBeNull();
    const missing = await login(jsonRequest("/api/admin/login", {}));
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.field).toBe("password");
  });

  it("grants admin access only to an untampered cookie", async () => {
    await db.video.create({ data: { ...validVideoInput, status: "PROCESSING" } });
    const response = await login(jsonRequest("/api/admin/login", { password: TEST_ENV.ADMIN_PASSWORD }));
    const cookie = response.headers.get("set-cookie")!.split(";")[0]!;
    expect(await seeUnfinishedVideos(cookie)).toBe(true);
    expect(await seeUnfinishedVideos(`${cookie.slice(0, -2)}xx`)).toBe(false);
    expect(await seeUnfinishedVideos()).toBe(false);
  });

  it("logout clears the cookie", async () => {
    const response = await logout();
    expect(response.headers.get("set-cookie")).toMatch(/admin_session=;.*Max-Age=0/i);
  });
});
