import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";

/** The file the bench copies: 1 GiB, as issue 17 asks. */
export const COPY_BENCH_BYTES = 1024 ** 3;
const CHUNK = randomBytes(1024 ** 2);

export type CopyMemoryFigures = { bytes: number; rssGrowthBytes: number; seconds: number };

const root = path.resolve(import.meta.dirname, "../../..");

/**
 * Copies a 1 GiB file, served by a plain HTTP server in this process (not HeyGen: its Content-Length set, bytes made
 * on the fly), with the app's copy in a child process of its own, whose RSS growth over a warmed-up baseline is the
 * figure. Its storage is local, in a temporary directory removed afterwards.
 */
export async function measureCopyMemory(bytes = COPY_BENCH_BYTES): Promise<CopyMemoryFigures> {
  const server = createServer((request, response) => {
    const size = Number(new URL(request.url ?? "/", "http://bench").searchParams.get("bytes"));
    response.writeHead(200, { "content-type": "video/mp4", "content-length": size });
    Readable.from(chunks(size)).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const mediaDir = await fs.mkdtemp(path.join(os.tmpdir(), "bench-copy-"));
  try {
    const line = await runChild(
      `${origin}/media/big.mp4?bytes=${bytes}`,
      `${origin}/media/warm.mp4?bytes=${1024 ** 2}`,
      {
        // The offline fake's origin is the one non-HeyGen host a copy accepts: the bench's server stands in for it.
        HEYGEN_API_URL: origin,
        MEDIA_DIR: mediaDir,
      },
    );
    const result = JSON.parse(line) as { bytes: number; baselineRss: number; peakRss: number; ms: number };
    if (result.bytes !== bytes) throw new Error(`the copy stored ${result.bytes} bytes of ${bytes}`);
    return { bytes, rssGrowthBytes: result.peakRss - result.baselineRss, seconds: result.ms / 1000 };
  } finally {
    server.close();
    await fs.rm(mediaDir, { recursive: true, force: true });
  }
}

function* chunks(size: number) {
  for (let sent = 0; sent < size; sent += CHUNK.length) yield CHUNK.subarray(0, Math.min(CHUNK.length, size - sent));
}

function runChild(url: string, warmUpUrl: string, env: Record<string, string>): Promise<string> {
  const child = spawn(
    process.execPath,
    [
      path.join(root, "node_modules/tsx/dist/cli.mjs"),
      "--conditions=react-server",
      path.join(import.meta.dirname, "copy-memory-child.ts"),
      url,
      warmUpUrl,
    ],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "development",
        // Never connected to: the copy itself touches no database.
        DATABASE_URL: "postgresql://bench@127.0.0.1:1/unused",
        HEYGEN_API_KEY: "bench-key",
        ADMIN_PASSWORD: "bench-admin-password",
        SESSION_SECRET: "bench-session-secret-of-at-least-32-characters",
        LOG_LEVEL: "silent",
        ...env,
      },
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => {
      const last = output.trim().split("\n").at(-1) ?? "";
      if (code === 0 && last.startsWith("{")) resolve(last);
      else reject(new Error(`the copy bench failed (exit code ${code}): ${output.trim().slice(-3000)}`));
    });
  });
}
