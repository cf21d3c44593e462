import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { devListen, exposureRefusal } from "../../scripts/lib/dev-host";
import { DEV_ADMIN_PASSWORD, DEV_SESSION_SECRET } from "../../src/server/dev-defaults";

const root = path.resolve(import.meta.dirname, "../..");
const OWN = { adminPassword: "my own password", sessionSecret: "my-own-session-secret-of-32-characters-or-more" };

describe("where npm run dev listens", () => {
  it("on 127.0.0.1 only when HOST is unset or empty, and says so in its origin", () => {
    for (const host of [undefined, "", "  "]) {
      expect(devListen(host, 3000)).toEqual({ hostname: "127.0.0.1", origin: "http://127.0.0.1:3000", exposed: false });
    }
  });

  it("wherever HOST says; other machines reach it unless that is a loopback address", () => {
    expect(devListen("0.0.0.0", 3000)).toEqual({ hostname: "0.0.0.0", origin: "http://127.0.0.1:3000", exposed: true });
    expect(devListen("::", 4000)).toEqual({ hostname: "::", origin: "http://[::1]:4000", exposed: true });
    expect(devListen("192.168.1.20", 3000)).toMatchObject({ origin: "http://192.168.1.20:3000", exposed: true });
    for (const loopback of ["localhost", "127.0.0.1", "127.1.2.3", "::1"]) {
      expect(devListen(loopback, 3000).exposed).toBe(false);
    }
  });

  it("refuses the network with the published password or session secret; allows it with your own", () => {
    const open = devListen("0.0.0.0", 3000);
    expect(exposureRefusal(open, { ...OWN, adminPassword: DEV_ADMIN_PASSWORD })).toMatch(/published .*ADMIN_PASSWORD/);
    expect(exposureRefusal(open, { ...OWN, sessionSecret: DEV_SESSION_SECRET })).toMatch(/published .*SESSION_SECRET/);
    expect(exposureRefusal(open, OWN)).toBeNull();
    // On loopback the published values are what npm run dev is for.
    expect(
      exposureRefusal(devListen(undefined, 3000), {
        adminPassword: DEV_ADMIN_PASSWORD,
        sessionSecret: DEV_SESSION_SECRET,
      }),
    ).toBeNull();
  });

  it("the script stops before starting anything when HOST opens the published password to the network", async () => {
    // Shell values win over .env files: this is what the script sees whatever a checkout's .env.local says. The
    // database URL leads nowhere: had the script gone on, it would fail there with another message.
    const env: NodeJS.ProcessEnv = {
      NODE_ENV: "development",
      PATH: process.env.PATH!,
      HOST: "0.0.0.0",
      ADMIN_PASSWORD: DEV_ADMIN_PASSWORD,
      SESSION_SECRET: DEV_SESSION_SECRET,
      DATABASE_URL: "postgresql://nobody@127.0.0.1:1/nothing",
    };
    const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/dev.ts"], {
      cwd: root,
      env,
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(output).toContain("HOST=0.0.0.0 would put the app on the network with the published development");
    expect(output).not.toContain("migrations");
    expect(code).toBe(1);
  }, 30_000);
});
