import { afterEach } from "vitest";

type Stop = () => Promise<void>;

/**
 * A queue worker that a test starts when it needs one (`await startWorker()`, again is a no-op) and that is stopped
 * after each test, its jobs in hand let finish. `start` imports the worker when first called, after the file has set
 * up its environment (e.g. `() => import("@/server/videos/publish-worker").then((m) => m.startPublishWorker())`).
 */
export function queueWorkerPerTest(start: () => Promise<Stop>): () => Promise<void> {
  let stop: Stop | null = null;
  afterEach(async () => {
    const stopping = stop;
    stop = null;
    await stopping?.();
  });
  return async () => {
    stop ??= await start();
  };
}
