import "server-only";
import type { Prisma, Video } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { processWide, processWideHandle } from "@/server/process-wide";
import { videoChanges } from "./video-changes";

/** A safety net only: while listening, every change already drops the cached row (see video-changes.ts). */
const LIVE_TTL_MS = 5_000;
/** While not listening, a change may go unannounced: cached rows live briefly and waiters look again this often. */
const UNANNOUNCED_TTL_MS = 1_000;
const UNANNOUNCED_RECHECK_MS = 2_000;
const MAX_ENTRIES = 10_000;

/**
 * A video row as the cache holds it, with its finished translations (issue 19: its language menu). A variant's change
 * is announced under its source's id too (the NOTIFY trigger), so the source's entry is dropped with it.
 */
export type CachedVideo = Video & { translations: Video[] };

const WITH_FINISHED_TRANSLATIONS = {
  translations: { where: { status: "COMPLETED" }, orderBy: [{ language: "asc" }, { id: "asc" }] },
} satisfies Prisma.VideoInclude;

type Entry = { loadedAt: number; row: Promise<CachedVideo | null> };

/**
 * Video rows for the crowd polling them: each row is read from PostgreSQL at most once per lifetime however many
 * requests want it (one read in flight per video), and dropped the moment any instance changes it (NOTIFY).
 */
class VideoCache {
  private readonly entries = new Map<string, Entry>();
  private readonly waiters = new Map<string, Set<() => void>>();
  private subscribed = false;

  /** The row (null: no such video), from the cache when fresh, else from one shared database read. */
  read(id: string): Promise<CachedVideo | null> {
    this.subscribe();
    const now = Date.now();
    const hit = this.entries.get(id);
    if (hit && now - hit.loadedAt < (videoChanges.isLive() ? LIVE_TTL_MS : UNANNOUNCED_TTL_MS)) return hit.row;
    const entry: Entry = {
      loadedAt: now,
      row: db.video.findUnique({ where: { id }, include: WITH_FINISHED_TRANSLATIONS }),
    };
    // A failed read is not kept: the next request tries again.
    entry.row.catch(() => this.entries.get(id) === entry && this.entries.delete(id));
    this.entries.delete(id); // re-inserted last: the Map's order is the eviction order
    this.entries.set(id, entry);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return entry.row;
  }

  /**
   * Resolves when the video may have changed: announced by PostgreSQL, or (while not listening) after a short
   * while, or when `ms` pass. Call it before reading the state you compare against, so no change falls between.
   */
  nextChange(id: string, ms: number, signal?: AbortSignal): Promise<void> {
    this.subscribe();
    return new Promise((resolve) => {
      const waiters = this.waiters.get(id) ?? new Set();
      this.waiters.set(id, waiters);
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", done);
        waiters.delete(done);
        if (waiters.size === 0 && this.waiters.get(id) === waiters) this.waiters.delete(id);
        resolve();
      };
      const timer = setTimeout(done, videoChanges.isLive() ? ms : Math.min(ms, UNANNOUNCED_RECHECK_MS));
      waiters.add(done);
      signal?.addEventListener("abort", done);
    });
  }

  private subscribe(): void {
    if (this.subscribed) return;
    this.subscribed = true;
    videoChanges.subscribe((id) => this.changed(id));
  }

  private changed(id: string | null): void {
    if (id === null) {
      this.entries.clear();
      for (const waiters of [...this.waiters.values()]) for (const wake of [...waiters]) wake();
      return;
    }
    this.entries.delete(id);
    for (const wake of [...(this.waiters.get(id) ?? [])]) wake();
  }
}

/** One per process, like the LISTEN connection it subscribes to (process-wide.ts). */
export const videoCache = processWideHandle(() => processWide("videoCache", () => new VideoCache()));
