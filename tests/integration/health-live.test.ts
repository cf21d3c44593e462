import { createServer, type Socket } from "node:net";
import { describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/health/live/route";
import { getRequest } from "../support/requests";
import { restartProcess } from "../support/restart-process";

describe("GET /api/health/live", () => {
  it("answers at once, uncached, even when the database accepts connections and never answers", async () => {
    const sockets = new Set<Socket>();
    const blackhole = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => blackhole.listen(0, "127.0.0.1", resolve));
    const { port } = blackhole.address() as { port: number };
    vi.stubEnv("DATABASE_URL", `postgresql://u:p@127.0.0.1:${port}/app`);
    await restartProcess(); // and again after the test: later ones must not use this database
    try {
      const started = Date.now();
      const response = await GET(getRequest("/api/health/live"));
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toEqual({ ok: true });
      expect(sockets.size).toBe(0);
    } finally {
      for (const socket of sockets) socket.destroy();
      blackhole.close();
    }
  });
});
