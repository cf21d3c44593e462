import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { http, passthrough } from "msw";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeHeygenServer, type FakeHeygenServer } from "@/mocks/heygen/http-server";
import { heygenServer } from "../support/heygen";

const root = path.resolve(import.meta.dirname, "../..");
const API_KEY = "script-test-key";

let heygen: FakeHeygenServer;
let app: Server;
let appUrl: string;

beforeAll(async () => {
  heygen = await startFakeHeygenServer({ apiKey: API_KEY, renderMs: 0 });
  // Stands in for the deployed app: HeyGen probes the URL with OPTIONS before registering it.
  app = createServer((_request, response) => response.writeHead(200).end());
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
});
// The fake runs in this process, where MSW intercepts fetch: let its OPTIONS probe through to the real server.
beforeEach(() => heygenServer.use(http.all(`${appUrl}/*`, () => passthrough())));
afterAll(async () => {
  await heygen?.close();
  app?.close();
});

function run(...args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/heygen-webhook.ts", ...args],
      {
        cwd: root,
        env: { PATH: process.env.PATH, NODE_ENV: "test", HEYGEN_API_KEY: API_KEY, HEYGEN_API_URL: heygen.url },
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe("npm run heygen:webhook", () => {
  it("registers <URL>/api/heygen/callback for the video events and prints the secret for HEYGEN_SECRET", async () => {
    const { code, output } = await run(appUrl);
    expect(code, output).toBe(0);
    const [endpoint, ...others] = heygen.fake.webhookEndpoints.values();
    expect(others).toEqual([]);
    expect(endpoint).toMatchObject({
      url: `${appUrl}/api/heygen/callback`,
      events: ["avatar_video.success", "avatar_video.fail", "video_translate.success", "video_translate.fail"],
    });
    expect(output).toContain(`HEYGEN_SECRET=${endpoint!.secret}`);

    const again = await run(appUrl);
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/already registered.*--rotate/s);

    const rotated = await run(appUrl, "--rotate");
    expect(rotated.code, rotated.output).toBe(0);
    const [after] = heygen.fake.webhookEndpoints.values();
    expect(after!.secret).not.toBe(endpoint!.secret);
    expect(rotated.output).toContain(`HEYGEN_SECRET=${after!.secret}`);

    // An endpoint registered before translations: run again, it is subscribed to their events (no --rotate needed).
    after!.events = ["avatar_video.success", "avatar_video.fail"];
    const older = await run(appUrl);
    expect(older.output).toContain("Subscribed");
    expect(older.output).toContain("video_translate.success, video_translate.fail");
    expect([...heygen.fake.webhookEndpoints.values()][0]!.events).toEqual([
      "avatar_video.success",
      "avatar_video.fail",
      "video_translate.success",
      "video_translate.fail",
    ]);
  }, 30_000);

  it("explains its usage", async () => {
    const { code, output } = await run("not-a-url");
    expect(code).toBe(2);
    expect(output).toContain("Usage: npm run heygen:webhook");
  });
});
