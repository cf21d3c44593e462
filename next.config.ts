import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The Prisma client and pg are server-only Node packages; keep them out of the bundle.
  serverExternalPackages: ["@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
};

export default nextConfig;
