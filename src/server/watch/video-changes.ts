import "server-only";
import pg from "pg";
import { env } from "@/server/env";
import { logger } from "@/server/logger";
import { processWide, processWideHandle } from "@/server/process-wide";

/** The channel the "Video" triggers announce changes on (migration 20261125183000_notify_video_changes). */
const CHANNEL = "video_changed";
const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 10_000;

/** A video's id, or null for "any video may have changed" (the connection dropped: notifications were missed). */
type Listener = (videoId: string | null) => void;

/**
 * One LISTEN connection per process, so that a change committed by any app instance (or script) reaches this one
 * within milliseconds: PostgreSQL is the message bus, no other server needed. It reconnects by itself; while it
 * is down `isLive()` is false and callers fall back to short cache lifetimes and re-reads.
 */
class VideoChanges {
  private readonly listeners = new Set<Listener>();
  /** The connection, from the moment it is being opened until it is lost. */
  private current: pg.Client | null = null;
  private live = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs = RECONNECT_MIN_MS;
  private stopped = false;

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    this.start();
    return () => void this.listeners.delete(listener);
  }

  /** True while connected and listening: no change can go unnoticed. */
  isLive(): boolean {
    return this.live;
  }

  /** Starts listening if not already (idempotent). */
  start(): void {
    if (this.current || this.retryTimer || this.stopped) return;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.current;
    this.current = null;
    this.live = false;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    this.retryTimer = null;
    const client = new pg.Client({
      connectionString: env.DATABASE_LISTEN_URL ?? env.DATABASE_URL,
      application_name: "heygen-app-listen",
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
    });
    this.current = client;
    client.on("notification", (message) => {
      if (message.channel === CHANNEL && message.payload) this.emit(message.payload);
    });
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      return this.lost(client, error);
    }
    if (this.current !== client) return; // lost, or stopped, meanwhile
    this.live = true;
    this.retryMs = RECONNECT_MIN_MS;
    // Whatever changed while we were not listening is unknown: everyone starts afresh.
    this.emit(null);
  }

  private lost(client: pg.Client, error?: unknown): void {
    if (client !== this.current) return; // already handled (an error is followed by an end)
    const wasLive = this.live;
    this.current = null;
    this.live = false;
    client.end().catch(() => undefined);
    if (this.stopped) return;
    if (wasLive)
      logger.warn({ err: (error as Error | undefined)?.message }, "lost the LISTEN connection, reconnecting");
    else logger.debug({ err: (error as Error | undefined)?.message }, "could not LISTEN, retrying");
    this.emit(null);
    this.retryTimer = setTimeout(() => void this.connect(), this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MAX_MS);
  }

  private emit(videoId: string | null): void {
    for (const listener of this.listeners) listener(videoId);
  }
}

/** The process's one LISTEN connection (process-wide.ts: shared by every bundle of the build). */
const current = () =>
  processWide(
    "videoChanges",
    () => new VideoChanges(),
    (changes) => changes.stop(),
  );
export const videoChanges = processWideHandle(current);
