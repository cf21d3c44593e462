import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import AdminLayout from "@/app/(site)/admin/layout";
import { POST as logout } from "@/app/api/admin/logout/route";
import { POST as createVideo } from "@/app/api/videos/route";
import { adminCookie, jsonRequest } from "../support/requests";
import { redirectOf } from "../support/page-scope";

/**
 * 401 when the cookie is refused, 400 when it is accepted: an empty body is refused only after the admin check,
 * so no video is made and HeyGen is never called.
 */
async function adminStatus(cookie: string): Promise<number> {
  return (await createVideo(jsonRequest("/api/videos", {}, { cookie }))).status;
}

/** Where an admin page sends this cookie: null when it renders, "/login" when refused. */
const adminPage = (cookie: string) => redirectOf(cookie, () => AdminLayout({ children: null }));

const logOut = (cookie?: string) => logout(jsonRequest("/api/admin/logout", {}, cookie ? { cookie } : {}));

describe("logout ends the session on the server", () => {
  it("a copy of the cookie taken before logout is refused by admin routes and pages; other sessions stay", async () => {
    const mine = await adminCookie();
    const copy = mine; // what someone copied from the browser before logout
    const otherBrowser = await adminCookie();
    expect(await adminStatus(copy)).toBe(400);
    expect(await adminPage(copy)).toBeNull();

    const response = await logOut(mine);
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toMatch(/admin_session=;.*Max-Age=0/i);

    expect(await adminStatus(copy)).toBe(401);
    expect(await adminPage(copy)).toBe("/login");
    expect(await adminStatus(otherBrowser)).toBe(400);
    expect(await adminPage(otherBrowser)).toBeNull();
  });

  it("without a cookie, or with a refused one, logout still answers 200 and clears the cookie", async () => {
    for (const cookie of [undefined, "admin_session=not-a-seal"]) {
      const response = await logOut(cookie);
      expect(response.status).toBe(200);
      expect(response.headers.get("set-cookie")).toMatch(/admin_session=;.*Max-Age=0/i);
    }
  });

  it("a session ended by another instance is refused here at once: every check reads the shared database", async () => {
    const cookie = await adminCookie();
    expect(await adminStatus(cookie)).toBe(400); // accepted here, with everything this process keeps now warm

    // Another instance's logout: its own connection to the shared PostgreSQL, nothing in this process told.
    const otherInstance = new pg.Client({ connectionString: inject("databaseUrl") });
    await otherInstance.connect();
    try {
      const ended = await otherInstance.query(`UPDATE "AdminSession" SET "endedAt" = now() WHERE "endedAt" IS NULL`);
      expect(ended.rowCount).toBe(1);
    } finally {
      await otherInstance.end();
    }

    expect(await adminStatus(cookie)).toBe(401);
    expect(await adminPage(cookie)).toBe("/login");
  });
});
