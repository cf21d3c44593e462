import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

describe("npm start", () => {
  it("stops at start-up, naming each missing or invalid variable", async () => {
    const server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "--port", "0"], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: "postgresql://u:p@127.0.0.1:1/db",
        ADMIN_PASSWORD: "long-enough-password",
        SESSION_SECRET: "too-short",
      },
    });
    let output = "";
    server.stdout.on("data", (chunk) => (output += chunk));
    server.stderr.on("data", (chunk) => (output += chunk));
    const exitCode = await new Promise<number | null>((resolve) => server.on("exit", resolve));

    expect(exitCode).toBe(1);
    expect(output).toContain("HEYGEN_API_KEY: is missing");
    expect(output).toContain("SESSION_SECRET: must be at least 32 characters");
    expect(output).not.toMatch(/DATABASE_URL:|ADMIN_PASSWORD:/);
  });
});
