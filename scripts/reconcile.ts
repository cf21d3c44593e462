/**
 * `npm run reconcile`: one reconciliation run against DATABASE_URL and HeyGen, as the timer inside the server
 * and POST /api/cron/reconcile do: catch up on lost webhook deliveries, check every video with no news for
 * RECONCILE_AFTER_SECONDS (and refill the render details of completed ones that lack them), prune the delivery log. For a system cron, or by hand. Reads .env / .env.local.
 * (Runs under the react-server condition, where `server-only` lets the app's server modules load.)
 */
import path from "node:path";
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(path.resolve(import.meta.dirname, ".."), false, { info: () => {}, error: console.error });

try {
  const { reconcileDue } = await import("../src/server/reconcile/reconcile-due");
  const summary = await reconcileDue();
  console.log(
    `Reconciled: ${summary.due} due, ${summary.checked} checked with HeyGen, ${summary.finished} finished, ` +
      `${summary.refilled} given their lost render details, ${summary.settledWithoutDetails} settled without them, ` +
      `${summary.caughtUpEvents} lost deliveries caught up, ${summary.pruned} old log rows pruned.`,
  );
  process.exit(0);
} catch (error) {
  // Prisma explains over several lines; its last one says what happened.
  const message = error instanceof Error ? (error.message.trim().split("\n").at(-1) ?? error.message) : String(error);
  console.error(`Reconciliation failed: ${message}`);
  process.exit(1);
}
