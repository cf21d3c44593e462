import { createServer, type Socket } from "node:net";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import type { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { applyMigrations } from "../../scripts/db/schema-engine";
import { findFreePort, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { POST as callback } from "@/app/api/heygen/callback/route";
import { GET as health } from "@/app/api/health/route";
import { db } from "@/server/db";
import { getRequest, signedV3, videoRow } from "../support/requests";
import { restartProcess } from "../support/restart-process";
import { callRoute } from "../support/route-scope";

/**
 * The app as a process started against another database. Restarted again after the test: later ones must not use
 * this database.
 */
async function appAgainst(databaseUrl: string) {
  vi.stubEnv("DATABASE_URL", databaseUrl);
  await restartProcess();
  const deliver = async (request: NextRequest) => (await callRoute(() => callback(request))).response;
  return { deliver, health: () => health(getRequest("/api/health")), db };
}

describe("acknowledge only what is stored", () => {
  it("counts a transaction that could not start in time (a saturated pool) as the database being unavailable", async () => {
    const { Prisma } = await import("@/generated/prisma/client");
    const { isDatabaseUnavailable } = await import("@/server/db");
    const busy = new Prisma.PrismaClientKnownRequestError("Unable to start a transaction in the given time.", {
      code: "P2028",
      clientVersion: "7",
    });
    const badQuery = new Prisma.PrismaClientKnownRequestError("Unique constraint failed", {
      code: "P2002",
      clientVersion: "7",
    });
    expect(isDatabaseUnavailable(busy)).toBe(true);
    expect(isDatabaseUnavailable(badQuery)).toBe(false);
  });

  it("answers 503 (never 2xx) while PostgreSQL is down, and applies HeyGen's redelivery once it is back", async () => {
    const dataDir = path.join(os.tmpdir(), `db-down-${randomBytes(4).toString("hex")}`);
    const port = await findFreePort();
    let server = await startEmbeddedPostgres({ persistent: true, dataDir, port });
    const app = await appAgainst(server.url);
    try {
      await applyMigrations(server.url);
      const video = await app.db.video.create({ data: { ...videoRow, status: "PROCESSING", heygenVideoId: "h-down" } });
      const event = {
        event_id: "evt_down",
        event_type: "avatar_video.success",
        event_data: { video_id: "h-down", video_url: "https://cdn.test/v.mp4" },
      };
      expect((await app.health()).status).toBe(200);

      await server.stop();
      const refused = await app.deliver(signedV3(event));
      expect(refused.status).toBe(503);
      expect((await refused.json()).error.code).toBe("database_unavailable");
      expect((await app.health()).status).toBe(503);

      server = await startEmbeddedPostgres({ persistent: true, dataDir, port });
      const redelivered = await app.deliver(signedV3(event));
      expect(redelivered.status).toBe(200);
      expect((await redelivered.json()).outcome).toBe("applied");
      expect(await app.db.video.findUniqueOrThrow({ where: { id: video.id } })).toMatchObject({ status: "COMPLETED" });
      expect((await app.health()).status).toBe(200);
    } finally {
      await app.db.$disconnect();
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it("does not hang on a database that accepts connections and never answers: 503 within seconds", async () => {
    const sockets = new Set<Socket>();
    const blackhole = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => blackhole.listen(0, "127.0.0.1", resolve));
    const { port } = blackhole.address() as { port: number };
    const app = await appAgainst(`postgresql://u:p@127.0.0.1:${port}/app`);
    try {
      const started = Date.now();
      expect((await app.health()).status).toBe(503);
      expect(Date.now() - started).toBeLessThan(9_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      blackhole.close();
      await app.db.$disconnect().catch(() => {});
    }
  }, 20_000);
});
