// What `next start` loads before anything else: Next's request scope (after()) needs AsyncLocalStorage on globalThis.
import "next/dist/server/node-environment-baseline";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, inject } from "vitest";
import { resetSql } from "../support/database-reset";
import { fakeHeygen, heygenRequests, heygenServer } from "../support/heygen";
import { TEST_ENV } from "../support/test-env";

// Set before any app module is imported: src/server/env.ts validates on import. Stored media (MEDIA_STORAGE=local)
// goes to a directory of this test process's own, never the checkout's .data/media.
Object.assign(process.env, TEST_ENV, {
  DATABASE_URL: inject("databaseUrl"),
  MEDIA_DIR: mkdtempSync(path.join(os.tmpdir(), "media-test-")),
});

const reset = resetSql(inject("migrationSeed"));

// A request no handler expects (a retired HeyGen path, a typo, an unplanned call) fails the test it happens in,
// even when the app catches the resulting network error.
const unexpectedRequests: string[] = [];
beforeAll(() =>
  heygenServer.listen({
    onUnhandledRequest(request, print) {
      unexpectedRequests.push(`${request.method} ${request.url}`);
      print.error();
    },
  }),
);
// Every table back to what the migrations left, the queue's jobs included (tables read from the catalogue each time).
beforeEach(async () => {
  const { db } = await import("@/server/db");
  await db.$executeRawUnsafe(reset);
  heygenRequests.length = 0;
});
afterEach(() => {
  heygenServer.resetHandlers();
  fakeHeygen.reset();
  const unexpected = unexpectedRequests.splice(0);
  if (unexpected.length > 0) throw new Error(`Unexpected outgoing requests (no MSW handler): ${unexpected.join(", ")}`);
});
afterAll(async () => {
  rmSync(process.env.MEDIA_DIR!, { recursive: true, force: true });
  heygenServer.close();
  fakeHeygen.close();
  const { db } = await import("@/server/db");
  const { videoChanges } = await import("@/server/watch/video-changes");
  // Media copies are enqueued wherever a video completes: the queue a file started must not outlive it.
  const { stopQueueIfStarted } = await import("@/server/queue/boss");
  await stopQueueIfStarted();
  await Promise.all([db.$disconnect(), videoChanges.stop()]);
});
