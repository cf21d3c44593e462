import { defineConfig } from "prisma/config";

// Prisma CLI configuration. The app itself reads DATABASE_URL through src/server/env.ts;
// the CLI only needs it for commands that talk to the database (not for `prisma generate`).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
