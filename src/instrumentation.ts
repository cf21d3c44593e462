// Runs once when the server starts. Next compiles this file for the Edge runtime too: NEXT_RUNTIME, which Next
// itself inlines per bundle at build time (it is not configuration), keeps the Node-only start-up work (env check, reconciliation timer) out of it.
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- Next's own build-time constant, see above
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./server/on-server-start");
}
