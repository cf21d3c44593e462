import "server-only";

// A missing or invalid variable stops the server at start-up with a message naming it, instead of failing on the
// first request that needs it.
try {
  const { validateEnv } = await import("@/server/env");
  validateEnv();
} catch {
  // The env module has already printed which variables are wrong.
  process.exit(1);
}

// Every server process reconciles with HeyGen on its own timer (per-video claims keep that to one call per video).
const { startReconcileTimer } = await import("@/server/reconcile/timer");
startReconcileTimer();

// The queue (bulk generation, media copies), unless this deployment runs it in `npm run worker` processes only.
const { env } = await import("@/server/env");
if (env.QUEUE_WORKER === "on") {
  const { startQueueWorkers } = await import("@/server/queue-workers");
  const { logger } = await import("@/server/logger");
  // The site serves without it: a database that is down at start-up only delays bulk work and copies, so try again.
  const start = (attempt: number): void => {
    startQueueWorkers().catch((error: Error) => {
      logger.error({ err: error.message, attempt }, "queue workers could not start; trying again in 30 s");
      setTimeout(() => start(attempt + 1), 30_000).unref();
    });
  };
  start(1);
}
