import "server-only";
import { env } from "@/server/env";
import { logger } from "@/server/logger";
import { processWide } from "@/server/process-wide";
import { reconcileDue } from "./reconcile-due";

/** Checked at least twice per reconciliation interval (and at most every 30 s), with a little jitter. */
const periodMs = () => Math.min(30_000, (env.RECONCILE_AFTER_SECONDS * 1000) / 2);

type ReconcileTimer = { timer: ReturnType<typeof setTimeout> | null; running: boolean };

/** One reconciliation timer per process, whichever bundle starts it; the tests' reset stops it. */
const reconcileTimer = () =>
  processWide<ReconcileTimer>("reconcileTimer", () => ({ timer: null, running: false }), stop);

/**
 * Reconciliation inside the server process (`npm run dev`, `npm start`): a laptop with a real key and no public
 * URL, or a deployment whose webhooks are lost, still completes its videos. Every instance may run it: the
 * per-video claims keep HeyGen calls to one per video per interval.
 */
export function startReconcileTimer(): void {
  const state = reconcileTimer();
  if (state.running) return;
  state.running = true;
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
    if (!state.running) return;
    state.timer = setTimeout(tick, periodMs() * (0.8 + Math.random() * 0.4));
    state.timer.unref();
  };
  schedule();
}

export function stopReconcileTimer(): void {
  stop(reconcileTimer());
}

function stop(state: ReconcileTimer): void {
  state.running = false;
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
}
