import "server-only";
import type { Video } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { heygen } from "@/server/heygen-client";
import { HeygenError } from "@/server/heygen/failures";
import { logger } from "@/server/logger";
import { looksLikeOurs, syncWithHeygen, type SyncOutcome } from "@/server/videos/sync-with-heygen";
import { applyStatusChange } from "@/server/videos/transition";

/** An unconfirmed video (its create answer was lost) with no trace at HeyGen after this long is given up. */
export const UNCONFIRMED_GIVE_UP_MS = 30 * 60 * 1000;

export type CheckOutcome = SyncOutcome | "no_trace_yet" | "given_up";

/**
 * Asks HeyGen about one unfinished video and applies what it says. A video whose create answer was lost has no
 * HeyGen id: its job is looked for among the account's videos with the same title made after our row, and after
 * 30 minutes without a trace it fails with a reason that says what to check.
 */
export async function checkVideo(video: Video, now = new Date()): Promise<CheckOutcome> {
  if (video.heygenVideoId) return syncWithHeygen(video, video.heygenVideoId);
  try {
    const candidates = (await heygen.findVideosByTitle(video.title)).filter((remote) => looksLikeOurs(video, remote));
    for (const candidate of candidates.reverse()) {
      const owner = await db.video.findUnique({ where: { heygenVideoId: candidate.id }, select: { id: true } });
      if (!owner) return syncWithHeygen(video, candidate.id);
    }
  } catch (error) {
    if (!(error instanceof HeygenError)) throw error;
    logger.warn({ videoId: video.id, err: error.message }, "could not look for an unconfirmed video at HeyGen");
    return "heygen_unavailable";
  }
  if (now.getTime() - video.createdAt.getTime() < UNCONFIRMED_GIVE_UP_MS) return "no_trace_yet";
  const { applied } = await applyStatusChange(video.id, { status: "FAILED", error: givenUpReason(video) });
  return applied ? "given_up" : "unchanged";
}

function givenUpReason(video: Video): string {
  return (
    `HeyGen never confirmed this video and shows no trace of it after 30 minutes (${video.unconfirmedReason ?? "no answer"}). ` +
    `Check HeyGen's dashboard for a video titled "${video.title}": if it is there, it was made and billed, so do not generate it again. ` +
    "If it is not, check HEYGEN_API_URL and the network between this server and HeyGen, then generate it again."
  );
}
