import "server-only";

// Importing the env module validates it: a missing or invalid variable stops the server at start-up with a
// message naming it, instead of failing on the first request that needs it.
try {
  await import("@/server/env");
} catch {
  // The env module has already printed which variables are wrong.
  process.exit(1);
}

// Every server process reconciles with HeyGen on its own timer (per-video claims keep that to one call per video).
const { startReconcileTimer } = await import("@/server/reconcile/timer");
startReconcileTimer();
