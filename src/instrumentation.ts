// Runs once when the server starts. NEXT_RUNTIME is inlined by Next at build time (it is not
// configuration), and lets the bundler drop the Node-only start-up check from the Edge bundle.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./server/validate-env-on-start");
}
