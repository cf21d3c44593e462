import type { IncomingMessage, ServerResponse } from "node:http";
import { blockCrossSiteDEV } from "next/dist/server/lib/router-utils/block-cross-site-dev";
import { describe, expect, it } from "vitest";
import nextConfig from "../../next.config";

/**
 * Next's own check before it serves a dev asset or hot reload (the websocket opened by the page), with this app's
 * allowedDevOrigins: true when it refused the request. `startedOn` is the hostname `next dev` was started with.
 */
function refused(pageOrigin: string, startedOn: string): boolean {
  const request = {
    url: "/_next/webpack-hmr?id=1",
    headers: { origin: pageOrigin, "sec-fetch-mode": "cors", "sec-fetch-site": "same-site" },
  } as unknown as IncomingMessage;
  const response = { statusCode: 200, end: () => {}, setHeader: () => {} } as unknown as ServerResponse;
  return blockCrossSiteDEV(request, response, nextConfig.allowedDevOrigins, startedOn);
}

describe("npm run dev at 127.0.0.1 works as well as at localhost (issue 16)", () => {
  it.each([
    ["http://127.0.0.1:3106", "0.0.0.0"],
    ["http://127.0.0.1:3106", "localhost"],
    ["http://localhost:3106", "127.0.0.1"],
    ["http://[::1]:3106", "127.0.0.1"],
  ])("a page opened at %s, on a server started on %s, gets hot reload", (pageOrigin, startedOn) => {
    expect(refused(pageOrigin, startedOn)).toBe(false);
  });

  it("another site still does not", () => {
    expect(refused("http://evil.example", "127.0.0.1")).toBe(true);
  });
});
