import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { config } from "@/proxy";

// Next's own matching of src/proxy.ts's matcher, as `next start` applies it before each request.
const runsBefore = (path: string) => unstable_doesMiddlewareMatch({ config, url: `http://localhost${path}` });

describe("the proxy's matcher", () => {
  it("runs before pages and API routes, whose HSTS header it sets", () => {
    for (const path of ["/", "/login", "/admin", "/admin/videos", "/videos/abc", "/embed/abc", "/api/videos"]) {
      expect({ path, runs: runsBefore(path) }).toEqual({ path, runs: true });
    }
    expect(runsBefore("/api/health/live")).toBe(true);
    expect(runsBefore("/api/admin/settings/webhook-endpoint")).toBe(true);
  });

  it("leaves out build assets, the icon and HeyGen's webhook, a server's POST that neither of its jobs concerns", () => {
    for (const path of ["/_next/static/chunks/app.js", "/_next/image", "/icon.svg", "/api/heygen/callback"]) {
      expect({ path, runs: runsBefore(path) }).toEqual({ path, runs: false });
    }
  });
});
