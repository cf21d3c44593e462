import { describe, expect, it } from "vitest";
import { loginPath, returnPath } from "@/lib/return-path";

describe("returnPath: where a login may go back to (never another site)", () => {
  it.each([
    ["/admin/plan", "/admin/plan"],
    ["/admin/plan?month=2026-12", "/admin/plan?month=2026-12"],
    ["/admin/batches/abc#items", "/admin/batches/abc#items"],
    ["/videos/abc", "/videos/abc"],
    ["/admin/../admin/plan", "/admin/plan"],
  ])("keeps a path on this site: %s", (asked, kept) => {
    expect(returnPath(asked)).toBe(kept);
  });

  it.each([
    "//evil.com",
    "//evil.com/admin",
    "https://evil.com",
    "http://evil.com/admin",
    "/\\evil.com",
    "\\\\evil.com",
    "/\t/evil.com",
    "/\n/evil.com",
    "javascript:alert(1)",
    "evil.com",
    "admin/plan",
    "",
    null,
    undefined,
  ])("sends %j to the Studio instead", (asked) => {
    expect(returnPath(asked)).toBe("/admin");
  });

  it("the login page's address carries the page, encoded, and nothing for the Studio itself", () => {
    expect(loginPath("/admin/plan?month=2026-12")).toBe("/login?next=%2Fadmin%2Fplan%3Fmonth%3D2026-12");
    expect(loginPath("/admin")).toBe("/login");
    expect(loginPath("//evil.com")).toBe("/login");
  });
});
