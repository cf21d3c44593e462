import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEV_ADMIN_PASSWORD, DEV_SESSION_SECRET } from "../../src/server/dev-defaults";

const root = path.resolve(import.meta.dirname, "../..");

/** `next start` of the build with exactly this environment; resolves once it exits (or is stopped after 30 s). */
async function startAndExit(env: Record<string, string>): Promise<{ exitCode: number | null; output: string }> {
  const server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "--port", "0"], {
    cwd: root,
    env: { PATH: process.env.PATH, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  let output = "";
  server.stdout.on("data", (chunk) => (output += chunk));
  server.stderr.on("data", (chunk) => (output += chunk));
  // A server that starts after all must not outlive the test: it is stopped, and the exit code says so.
  const serving = setTimeout(() => server.kill("SIGKILL"), 30_000);
  const exitCode = await new Promise<number | null>((resolve) => server.on("exit", resolve));
  clearTimeout(serving);
  return { exitCode, output };
}

const DATABASE_URL = "postgresql://u:p@127.0.0.1:1/db";
const APP_URL = "https://videos.example.test";

describe("npm start", () => {
  it("stops at start-up, naming each missing or invalid variable", async () => {
    const { exitCode, output } = await startAndExit({
      DATABASE_URL,
      APP_URL,
      ADMIN_PASSWORD: "long-enough-password",
      SESSION_SECRET: "too-short",
      ENCRYPTION_KEY: "not-32-bytes",
    });
    expect(exitCode).toBe(1);
    expect(output).toContain("ENCRYPTION_KEY: must be 32 bytes");
    expect(output).toContain("SESSION_SECRET: must be at least 32 characters");
    expect(output).not.toMatch(/DATABASE_URL:|ADMIN_PASSWORD:|APP_URL:/);
  });

  it("refuses the development password and session secret that `npm run dev` fills in", async () => {
    const { exitCode, output } = await startAndExit({
      DATABASE_URL,
      APP_URL,
      HEYGEN_API_KEY: "a-real-looking-key",
      ADMIN_PASSWORD: DEV_ADMIN_PASSWORD,
      SESSION_SECRET: DEV_SESSION_SECRET,
    });
    expect(exitCode).toBe(1);
    expect(output).toContain("ADMIN_PASSWORD: is the development default");
    expect(output).toContain("SESSION_SECRET: is the development default");
    expect(output).not.toMatch(/DATABASE_URL:|HEYGEN_API_KEY:|APP_URL:/);
  });

  it("refuses to start without APP_URL: the app's own address never comes from a request's headers", async () => {
    const { exitCode, output } = await startAndExit({
      DATABASE_URL,
      ADMIN_PASSWORD: "long-enough-password",
      SESSION_SECRET: "a-session-secret-of-at-least-32-characters",
    });
    expect(exitCode).toBe(1);
    const refusals = output.split("\n").filter((line) => line.startsWith("  - "));
    expect(refusals).toEqual([
      "  - APP_URL: is missing: production needs this deployment's public address, e.g. https://videos.example.com",
    ]);
  });
});
