import { spawn } from "node:child_process";
import path from "node:path";
import { findFreePort } from "../../scripts/lib/embedded-postgres";

const root = path.resolve(import.meta.dirname, "../..");

export type DevServer = { url: string; output: () => string; stop: () => Promise<void> };

/**
 * `next dev` on a free port of 127.0.0.1, with exactly the given environment (nothing inherited but PATH and HOME),
 * for what only development shows: React's StrictMode double effects. Since Next 16 it builds into .next/dev, apart
 * from the production build the other browser tests start (a `next build` keeps .next/dev), and its Turbopack cache
 * there makes later runs compile faster. Next allows one `next dev` per checkout: stop `npm run dev` here first.
 * Each route compiles on its first request, so a test opens few.
 */
export async function startDevServer(env: Record<string, string>): Promise<DevServer> {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [path.join(root, "node_modules/next/dist/bin/next"), "dev", "--port", String(port), "--hostname", "127.0.0.1"],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        NODE_ENV: "development",
        NEXT_TELEMETRY_DISABLED: "1",
        APP_URL: url,
        ...env,
      },
    },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const stop = () =>
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        });

  // Listening ("Ready in …") is enough: the routes compile when first asked for.
  const deadline = Date.now() + 60_000;
  while (!/Ready in/.test(output)) {
    if (child.exitCode !== null) throw new Error(`next dev exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next dev was not ready within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, output: () => output, stop };
}
