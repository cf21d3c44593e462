import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { findFreePort } from "./embedded-postgres";

const root = path.resolve(import.meta.dirname, "../..");

export type RunningApp = {
  url: string;
  pid: number | undefined;
  /** performance.now() when the process was spawned: the origin of its own timeline (a CPU profile's, say). */
  spawnedAt: number;
  output: () => string;
  stop: () => Promise<void>;
};

/**
 * `next start` of the production build on a free port, with exactly the given environment (nothing inherited
 * but PATH): the same build can be started many times with different run-time configuration. `nodeFlags` go to
 * node itself (e.g. `--cpu-prof`, which NODE_OPTIONS does not take).
 */
export async function startApp(
  env: Record<string, string>,
  options: { port?: number; nodeFlags?: string[] } = {},
): Promise<RunningApp> {
  const port = options.port ?? (await findFreePort());
  const url = `http://127.0.0.1:${port}`;
  const spawnedAt = performance.now();
  const child = spawn(
    process.execPath,
    [...(options.nodeFlags ?? []), path.join(root, "node_modules/next/dist/bin/next"), "start", "--port", String(port)],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        APP_URL: url,
        ...env,
      },
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const app = { url, pid: child.pid, spawnedAt, output: () => output, stop: () => stopProcess(child) };
  try {
    await waitUntilServing(url, child, () => output);
  } catch (error) {
    await app.stop();
    throw error;
  }
  return app;
}

async function waitUntilServing(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output()}`);
    const ok = await fetch(`${url}/api/heygen/callback`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`next start did not answer within 30 s:\n${output()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  // Killed by a signal (e.g. the terminal's Ctrl-C reached it first): exitCode stays null, and "exit" has fired.
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
