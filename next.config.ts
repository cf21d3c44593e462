import type { NextConfig } from "next";

// React's development tooling evaluates code at run time; the production build never needs eval.
const development = process.env.NODE_ENV === "development";

/** The Content-Security-Policy; `frameAncestors` says who may embed the page. */
function contentSecurityPolicy(frameAncestors: string): string {
  return [
    "default-src 'self'",
    // Next's App Router streams its data in inline <script>s, so inline scripts are needed without nonces.
    `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // HeyGen's media and previews come from presigned URLs on hosts we do not know in advance; the offline
    // fake HeyGen serves them over plain http on 127.0.0.1.
    "img-src 'self' data: blob: https: http:",
    "media-src 'self' blob: https: http:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

const nextConfig: NextConfig = {
  // The Prisma client and pg are server-only Node packages; keep them out of the bundle.
  serverExternalPackages: ["@prisma/adapter-pg", "pg", "pg-boss"],
  poweredByHeader: false,
  // HSTS depends on APP_URL at run time, so src/proxy.ts sets it; these are the same for every deployment.
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
        // Every page and answer but the embed player: no site may frame it, this one included. The rules do not
        // overlap, because X-Frame-Options must be absent on the player, not overridden (Next sends every
        // matching rule's headers, the last one winning for a header set twice).
        source: "/((?!embed/[^/]+$).*)",
        headers: [
          { key: "Content-Security-Policy", value: contentSecurityPolicy("'none'") },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      {
        // The embed player (src/app/embed/[id]): any site may frame it. X-Frame-Options cannot say "anyone",
        // so it is not sent; browsers that know CSP follow frame-ancestors.
        source: "/embed/:id",
        headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy("*") }],
      },
    ];
  },
};

export default nextConfig;
