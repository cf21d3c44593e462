import type { NextConfig } from "next";

/**
 * The Content-Security-Policy of everything that is not a page (API answers, the icon): none of it is a document
 * that loads anything. Pages get theirs, with a per-request script nonce, from src/proxy.ts
 * (src/server/http/content-security-policy.ts).
 */
const NOT_A_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'";

const nextConfig: NextConfig = {
  // The Prisma client and pg are server-only Node packages; keep them out of the bundle.
  serverExternalPackages: ["@prisma/adapter-pg", "pg", "pg-boss"],
  poweredByHeader: false,
  // `next dev` serves its own assets and hot reload only to pages opened at localhost or the host it was started on.
  // `npm run dev` prints http://127.0.0.1:PORT, and either loopback name must work as well as the other, whatever
  // HOST started it with. Another machine's name (HOST=0.0.0.0) needs its own entry here. Ignored by `next start`.
  allowedDevOrigins: ["127.0.0.1", "localhost", "[::1]"],
  // HSTS and pages' CSP depend on the request or on APP_URL at run time, so src/proxy.ts and route() set them;
  // these are the same for every deployment.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
      {
        // Every page and answer but the embed player: no site may frame it, this one included. X-Frame-Options must
        // be absent on the player, not overridden (Next sends every matching rule's headers, the last one winning).
        source: "/((?!embed/[^/]+$).*)",
        headers: [{ key: "X-Frame-Options", value: "DENY" }],
      },
      {
        // What src/proxy.ts's matcher leaves out, build assets aside (a CSP on a script or stylesheet does nothing).
        source: "/:path(api/.*|media/.*|icon\\.svg|sitemap\\.xml|robots\\.txt|feed\\.xml)",
        headers: [{ key: "Content-Security-Policy", value: NOT_A_PAGE_CSP }],
      },
      {
        // Next's sitemap and robots routes say `max-age=0, must-revalidate`; crawlers read them often and they are
        // cheap to keep briefly. Shared caches as long as any public answer about a video (src/server/http/public-cache.ts).
        source: "/:path(sitemap\\.xml|robots\\.txt)",
        headers: [{ key: "Cache-Control", value: "public, max-age=60, s-maxage=300" }],
      },
    ];
  },
};

export default nextConfig;
