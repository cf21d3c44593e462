import { describe, expect, it, vi } from "vitest";
import { POST as login } from "@/app/api/admin/login/route";
import { POST as logout } from "@/app/api/admin/logout/route";
import { GET as listVideos } from "@/app/api/videos/route";
import { db } from "@/server/db";
import { getRequest, jsonRequest, videoRow } from "../support/requests";
import { restartProcess } from "../support/restart-process";
import { TEST_ENV } from "../support/test-env";

async function seeUnfinishedVideos(cookie?: string): Promise<boolean> {
  const body = await (await listVideos(getRequest("/api/videos", cookie))).json();
  return body.videos.some((v: { status: string }) => v.status !== "COMPLETED");
}

const response = (answer: Response) => answer.headers.get("set-cookie") ?? "";

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
    await db.video.create({ data: { ...videoRow, status: "PROCESSING" } });
    const response = await login(jsonRequest("/api/admin/login", { password: TEST_ENV.ADMIN_PASSWORD }));
    const cookie = response.headers.get("set-cookie")!.split(";")[0]!;
    expect(await seeUnfinishedVideos(cookie)).toBe(true);
    // Flip one character of the encrypted part of the seal (Fe26.2**id*salt*iv*ENCRYPTED*expiry*hmacSalt*hmac~v):
    // the result still parses, so only the MAC check can refuse it.
    const name = cookie.slice(0, cookie.indexOf("="));
    const value = cookie.slice(name.length + 1);
    const parts = value.split("*");
    const encrypted = parts[4]!;
    const middle = Math.floor(encrypted.length / 2);
    parts[4] = encrypted.slice(0, middle) + (encrypted[middle] === "A" ? "B" : "A") + encrypted.slice(middle + 1);
    expect(parts.join("*")).not.toBe(value);
    expect(await seeUnfinishedVideos(`${name}=${parts.join("*")}`)).toBe(false);
    expect(await seeUnfinishedVideos()).toBe(false);
  });

  it("marks the cookie Secure exactly when APP_URL is https", async () => {
    expect(response(await login(jsonRequest("/api/admin/login", { password: TEST_ENV.ADMIN_PASSWORD })))).not.toMatch(
      /Secure/i,
    );
    vi.stubEnv("APP_URL", "https://videos.example.com");
    await restartProcess();
    expect(response(await login(jsonRequest("/api/admin/login", { password: TEST_ENV.ADMIN_PASSWORD })))).toMatch(
      /; Secure/i,
    );
  });

  it("logout clears the cookie", async () => {
    const response = await logout(jsonRequest("/api/admin/logout", {}));
    expect(response.headers.get("set-cookie")).toMatch(/admin_session=;.*Max-Age=0/i);
  });
});
