import type { VideoModel } from "@/generated/prisma/models";
import { z } from "./zod";

/**
 * Where a finished video's copy stands, as admins see it (issue 17):
 * - `not_due`: not completed, so there is nothing to copy (failed, or still rendering);
 * - `copying`: completed, not stored yet, not given up on (queued, or being retried after a failed try);
 * - `stored`: our copy is verified and served (storedMedia);
 * - `failed`: copying gave up (mediaCopyFailedAt) until an admin's Retry.
 */
export type MediaCopyStateName = "not_due" | "copying" | "stored" | "failed";

export type MediaCopyState = {
  state: MediaCopyStateName;
  /** Which storage holds the copy; null until stored. */
  storage: "local" | "s3" | null;
  /** Every stored file's bytes added up (the MP4, its poster and captions); null until stored. */
  bytes: number | null;
  /** When the copy was verified and stored (ISO); null until then. */
  storedAt: string | null;
  /** Copy attempts begun so far (a retry is the next one). */
  attempts: number;
  /** Why the last attempt failed; null once stored, or when none has. */
  error: string | null;
};

/** The columns of a "Video" row its copy's state is read from. */
export type MediaCopyRow = Pick<
  VideoModel,
  "status" | "storedMedia" | "mediaStoredAt" | "mediaCopyAttempts" | "mediaCopyError" | "mediaCopyFailedAt"
>;

/**
 * Just what this needs of Video.storedMedia (the server's schema, src/server/media/storage/stored-media.ts, is
 * server-only and checks every field): which storage, and each file's size.
 */
const storedSizes = z.object({
  storage: z.enum(["local", "s3"]),
  files: z.object({ video: z.object({ bytes: z.number() }) }).catchall(z.object({ bytes: z.number() }).optional()),
});

/** The copy's state of one video, from its row (pure: the same on the server and in the browser). */
export function mediaCopyState(row: MediaCopyRow): MediaCopyState {
  const attempts = row.mediaCopyAttempts;
  const base = { storage: null, bytes: null, storedAt: null, attempts };
  if (row.status !== "COMPLETED") return { ...base, state: "not_due", error: null };
  // Stored media that does not parse is served as if there were none (parseStoredMedia): the same here.
  const stored = row.storedMedia === null ? null : storedSizes.safeParse(row.storedMedia).data;
  if (stored) {
    const bytes = Object.values(stored.files).reduce((sum, file) => sum + (file?.bytes ?? 0), 0);
    return {
      state: "stored",
      storage: stored.storage,
      bytes,
      storedAt: row.mediaStoredAt?.toISOString() ?? null,
      attempts,
      error: null,
    };
  }
  return { ...base, state: row.mediaCopyFailedAt ? "failed" : "copying", error: row.mediaCopyError };
}
