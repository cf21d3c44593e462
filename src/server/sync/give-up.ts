import "server-only";
import { db } from "@/server/db";
import type { ClaimedVideo } from "./claim";

/**
 * A video HeyGen shows no trace of this long after we asked for it is given up: an unconfirmed create (its answer was
 * lost) that never appeared, or a confirmed one HeyGen now answers `not_found` for.
 */
export const UNCONFIRMED_GIVE_UP_MS = 30 * 60 * 1000;

/**
 * A completed video whose render details HeyGen has not given this long after completing is settled without them
 * (HeyGen unreachable, no API key, the video deleted there): its watchers stop asking. A few refills fit before.
 */
export const DETAILS_GIVE_UP_MS = 10 * 60 * 1000;

export const isPastGiveUp = (video: Pick<ClaimedVideo, "createdAt">, now: Date) =>
  now.getTime() - video.createdAt.getTime() > UNCONFIRMED_GIVE_UP_MS;

export function noTraceReason(video: Pick<ClaimedVideo, "title" | "unconfirmedReason">): string {
  return (
    `HeyGen never confirmed this video and shows no trace of it after 30 minutes (${video.unconfirmedReason ?? "no answer"}). ` +
    `Check HeyGen's dashboard for a video titled "${video.title}": if it is there, it was made and billed, so do not generate it again. ` +
    "If it is not, check HEYGEN_API_URL and the network between this server and HeyGen, then generate it again."
  );
}

export const GONE_AT_HEYGEN =
  "HeyGen no longer knows this video (deleted at HeyGen?). Generate it again if it is still wanted.";

/**
 * Settles the completed videos still without their details DETAILS_GIVE_UP_MS after completing. Asks HeyGen nothing,
 * so it runs even without an API key. Returns how many.
 */
export async function settleWithoutDetails(now = new Date()): Promise<number> {
  const { count } = await db.video.updateMany({
    where: { status: "COMPLETED", detailsAt: null, completedAt: { lt: new Date(now.getTime() - DETAILS_GIVE_UP_MS) } },
    data: { detailsAt: now },
  });
  return count;
}
