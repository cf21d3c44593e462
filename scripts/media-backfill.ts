/**
 * `npm run media:backfill`: copies every completed video not yet in our storage (MEDIA_STORAGE) from HeyGen, a few at
 * a time, printing each one as it finishes. Safe to run while the app runs, and to interrupt: each copy commits on its
 * own, and the next run copies what is left. Reads .env / .env.local.
 * (Runs under the react-server condition, where `server-only` lets the app's server modules load.)
 */
import path from "node:path";
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(path.resolve(import.meta.dirname, ".."), false, { info: () => {}, error: console.error });

const megabytes = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;

try {
  const { backfillMedia } = await import("../src/server/media/copy/backfill");
  const summary = await backfillMedia((step) => {
    const { outcome } = step;
    const what =
      outcome.kind === "stored"
        ? `stored ${megabytes(step.bytes)}`
        : outcome.kind === "retry"
          ? `not yet (${outcome.reason}); the queue will try again`
          : outcome.kind === "failed"
            ? `failed: ${outcome.reason}`
            : outcome.kind === "lost_race"
              ? "stored meanwhile by the app"
              : `skipped (${outcome.reason.replace("_", " ")})`;
    console.log(`[${step.done}/${step.total}] ${step.title}: ${what} (${megabytes(step.totalBytes)} so far)`);
  });
  console.log(
    summary.total === 0
      ? "Nothing to copy: every completed video is stored."
      : `Copied ${summary.stored} of ${summary.total} videos (${megabytes(summary.bytes)}); ${summary.left} left.`,
  );
  process.exit(summary.left === 0 ? 0 : 1);
} catch (error) {
  // Prisma explains over several lines; its last one says what happened.
  const message = error instanceof Error ? (error.message.trim().split("\n").at(-1) ?? error.message) : String(error);
  console.error(`Backfill failed: ${message}`);
  process.exit(1);
}
