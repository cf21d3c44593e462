import { createHash, randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import pg from "pg";
import sirv from "sirv";
import { cpuShares, cpuSnapshot, printBlock } from "../http-load";
import type { Stack } from "../webhook-load-stack";
import { createRenderingVideos } from "./videos";
import { completeVideo, waitForRenderDetails } from "./webhooks";
import { runWrk, type WrkResult } from "./wrk";

/** The stored MP4: large enough that a range in its middle is a real seek. */
const FILE_BYTES = 16 * 1024 * 1024;
/** Issue 17: one 1 MiB range, as a player's seek asks for. */
const RANGE_BYTES = 1024 * 1024;
const RANGE_START = 4 * 1024 * 1024;
/** A handful of players seeking at once: each answer is a MiB, so more connections only queue on the loopback. */
const CONNECTIONS = 8;
const WARM_UP_SECONDS = 2;

export type MediaFigures = { route: WrkResult; sirv: WrkResult };

/**
 * A 1 MiB range of a stored MP4 through the app's media route (`/media/{id}/{sha8}.mp4`, local storage), next to
 * `sirv`, a plain Node static file server, serving the same file from the same directory in the same run.
 */
export async function measureMediaRange(stack: Stack, mediaDir: string, seconds: number): Promise<MediaFigures> {
  const [video] = await createRenderingVideos(stack, 1);
  await completeVideo(stack, video!);
  await waitForRenderDetails(stack, [video!.id], 10_000);
  const key = await storeFile(stack.databaseUrl, mediaDir, video!.id);

  const server = http.createServer(sirv(mediaDir, { dev: false, etag: true }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const sirvUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${key}`;
    const routeUrl = `${stack.app.url}/media/${key.replace(/^videos\//, "")}`;
    const routeRun = await measure(stack, "media route", routeUrl);
    const sirvRun = await measure(stack, "sirv", sirvUrl);
    return { route: routeRun, sirv: sirvRun };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  async function measure(stack: Stack, name: string, url: string): Promise<WrkResult> {
    const headers = { range: `bytes=${RANGE_START}-${RANGE_START + RANGE_BYTES - 1}` };
    const probe = await fetch(url, { headers });
    const body = Buffer.from(await probe.arrayBuffer());
    if (probe.status !== 206 || body.length !== RANGE_BYTES) {
      throw new Error(`${name}: a 1 MiB range answered ${probe.status} with ${body.length} bytes, expected 206`);
    }
    await runWrk(url, CONNECTIONS, WARM_UP_SECONDS, headers);
    const cpuBefore = cpuSnapshot();
    const result = await runWrk(url, CONNECTIONS, seconds, headers);
    const cpu = cpuShares(cpuBefore, cpuSnapshot(), {
      app: stack.app.pid,
      "bench (sirv, wrk)": process.pid,
    });
    printBlock(`${name}: GET ${new URL(url).pathname}, Range 1 MiB, ${CONNECTIONS} connections, ${seconds} s (wrk)`, [
      ["throughput", `${result.requestsPerSecond.toFixed(0)} req/s (${result.requests} requests)`],
      ["latency p99", `${result.p99Ms.toFixed(1)} ms`],
      ["errors", `non-2xx/3xx ${result.non2xx}, socket errors ${result.socketErrors}`],
      ["cpu", cpu],
    ]);
    return result;
  }
}

/** What the copy job leaves: the file at its content-addressed key, and the row's storedMedia naming it. */
async function storeFile(databaseUrl: string, mediaDir: string, videoId: string): Promise<string> {
  const bytes = randomBytes(FILE_BYTES);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const key = `videos/${videoId}/${sha256.slice(0, 8)}.mp4`;
  await mkdir(path.dirname(path.join(mediaDir, key)), { recursive: true });
  await writeFile(path.join(mediaDir, key), bytes);
  const storedMedia = {
    storage: "local",
    files: { video: { key, bytes: FILE_BYTES, sha256, contentType: "video/mp4" } },
  };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`UPDATE "Video" SET "storedMedia" = $1::jsonb, "mediaStoredAt" = now() WHERE "id" = $2`, [
      JSON.stringify(storedMedia),
      videoId,
    ]);
  } finally {
    await client.end();
  }
  return key;
}
