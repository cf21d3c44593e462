import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { config } from "@/proxy";

// Next's own matching of src/proxy.ts's matcher, as `next start` applies it before each request.
const runsBefore = (path: string) => unstable_doesMiddlewareMatch({ config, url: `http://localhost${path}` });

describe("the proxy's matcher", () => {
  it("runs before every page, whose CSP nonce and HSTS header it sets", () => {
    for (const path of [
      "/",
      "/login",
      "/admin",
      "/admin/videos",
      "/videos/abc",
      "/embed/abc",
      "/no-such-page",
      "/api",
    ]) {
      expect({ path, runs: runsBefore(path) }).toEqual({ path, runs: true });
    }
  });

  it("leaves out API routes (HeyGen's webhook among them), build assets, the icon and the feeds: they get their headers elsewhere", () => {
    for (const path of [
      "/api/videos",
      "/api/health/live",
      "/api/admin/settings/webhook-endpoint",
      "/api/heygen/callback",
      "/_next/static/chunks/app.js",
      "/_next/image",
      "/icon.svg",
      "/sitemap.xml",
      "/robots.txt",
      "/feed.xml",
    ]) {
      expect({ path, runs: runsBefore(path) }).toEqual({ path, runs: false });
    }
  });
});
