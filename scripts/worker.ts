/**
 * `npm run worker`: works the queue (pg-boss in DATABASE_URL: bulk generation and media copies) without serving pages, for deployments
 * that scale web and workers apart (then set QUEUE_WORKER=off on the web instances). Any number may run: the pace and
 * the in-flight cap are shared through the database. SIGTERM / SIGINT let the job in hand finish. Reads .env / .env.local.
 * (Runs under the react-server condition, where `server-only` lets the app's server modules load.)
 */
import path from "node:path";
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(path.resolve(import.meta.dirname, ".."), false, { info: () => {}, error: console.error });

const { startQueueWorkers } = await import("../src/server/queue-workers");
const { queue } = await import("../src/server/batches/queue");
const stop = await startQueueWorkers();
console.log("Worker started: sending queued batch videos to HeyGen, copying completed videos to storage.");

const shutdown = async () => {
  await stop();
  await (await queue()).stop({ graceful: true, timeout: 30_000 });
  process.exit(0);
};
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
