import "server-only";
import { env } from "@/server/env";
import { logger } from "@/server/logger";
import { reconcileDue } from "./reconcile-due";

/** Checked at least twice per reconciliation interval (and at most every 30 s), with a little jitter. */
const periodMs = () => Math.min(30_000, (env.RECONCILE_AFTER_SECONDS * 1000) / 2);

// process-wide: one reconciliation timer per process.
let timer: ReturnType<typeof setTimeout> | null = null;
let running = false;

/**
 * Reconciliation inside the server process (`npm run dev`, `npm start`): a laptop with a real key and no public
 * URL, or a deployment whose webhooks are lost, still completes its videos. Every instance may run it: the
 * per-video claims keep HeyGen calls to one per video per interval.
 */
export function startReconcileTimer(): void {
  if (running) return;
  running = true;
  const tick = async () => {
    try {
      const summary = await reconcileDue();
      if (summary.checked || summary.caughtUpEvents || summary.settledWithoutDetails || summary.pruned)
        logger.info(summary, "reconciled with HeyGen");
    } catch (error) {
      logger.warn({ err: (error as Error).message }, "reconciliation run failed; the next one will retry");
    } finally {
      schedule();
    }
  };
  const schedule = () => {
    // Stopped while a run was in progress: do not come back.
    if (!running) return;
    timer = setTimeout(tick, periodMs() * (0.8 + Math.random() * 0.4));
    timer.unref();
  };
  schedule();
}

export function stopReconcileTimer(): void {
  running = false;
  if (timer) clearTimeout(timer);
  timer = null;
}
