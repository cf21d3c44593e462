import { createServer, type Socket } from "node:net";
import { describe, expect, it, vi } from "vitest";
import { getRequest } from "../support/requests";

describe("GET /api/health/live", () => {
  it("answers at once, uncached, even when the database accepts connections and never answers", async () => {
    const sockets = new Set<Socket>();
    const blackhole = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => blackhole.listen(0, "127.0.0.1", resolve));
    const { port } = blackhole.address() as { port: number };
    vi.stubEnv("DATABASE_URL", `postgresql://u:p@127.0.0.1:${port}/app`);
    vi.resetModules();
    try {
      const { GET } = await import("@/app/api/health/live/route");
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
      vi.resetModules(); // later imports must not reuse modules bound to this database
    }
  });
});
