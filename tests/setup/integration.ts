import { afterAll, afterEach, beforeAll, beforeEach, inject } from "vitest";
import { fakeHeygen, heygenServer } from "../support/heygen";
import { TEST_ENV } from "../support/test-env";

// Set before any app module is imported: src/server/env.ts validates on import.
Object.assign(process.env, TEST_ENV, { DATABASE_URL: inject("databaseUrl") });

beforeAll(() => heygenServer.listen({ onUnhandledRequest: "error" }));
beforeEach(async () => {
  const { db } = await import("@/server/db");
  await db.$executeRawUnsafe('TRUNCATE TABLE "Video"');
});
afterEach(() => {
  heygenServer.resetHandlers();
  fakeHeygen.reset();
});
afterAll(async () => {
  heygenServer.close();
  fakeHeygen.close();
  const { db } = await import("@/server/db");
  await db.$disconnect();
});
