import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import AdminLayout from "@/app/(site)/admin/layout";
import { POST as logout } from "@/app/api/admin/logout/route";
import { proxy } from "@/proxy";
import { adminCookie, jsonRequest } from "../support/requests";
import { redirectOf } from "../support/page-scope";
import { TEST_ENV } from "../support/test-env";

/** Where the proxy sends a visitor to `path` with no session cookie. */
const proxyRedirect = (path: string) => {
  const response = proxy(new NextRequest(`${TEST_ENV.APP_URL}${path}`));
  const location = response.headers.get("location");
  return location && new URL(location).pathname + new URL(location).search;
};

describe("a deep link through the login comes back to its page (issue 16, item 12)", () => {
  it("without a cookie, the proxy sends /admin/plan?month=… to the login page carrying it as ?next=", () => {
    expect(proxyRedirect("/admin/plan?month=2026-12")).toBe("/login?next=%2Fadmin%2Fplan%3Fmonth%3D2026-12");
    expect(proxyRedirect("/admin")).toBe("/login");
    expect(proxyRedirect("/")).toBeNull();
  });

  it("a session that ended sends an admin page to the login with the page the proxy recorded", async () => {
    const cookie = await adminCookie();
    await logout(jsonRequest("/api/admin/logout", {}, { cookie }));
    const page = (headers: Record<string, string>) =>
      redirectOf(cookie, () => AdminLayout({ children: null }), headers);
    expect(await page({ "x-page-path": "/admin/batches?x=1" })).toBe("/login?next=%2Fadmin%2Fbatches%3Fx%3D1");
    // Only a path on this site is carried: a forged header sends nobody elsewhere.
    expect(await page({ "x-page-path": "//evil.com" })).toBe("/login");
    expect(await page({})).toBe("/login");
  });

  it("the proxy replaces a page path the client sent with the real one", () => {
    const request = new NextRequest(`${TEST_ENV.APP_URL}/videos/abc`, { headers: { "x-page-path": "//evil.com" } });
    const forwarded = proxy(request).headers.get("x-middleware-request-x-page-path");
    expect(forwarded).toBe("/videos/abc");
  });
});
