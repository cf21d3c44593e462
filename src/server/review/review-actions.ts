import "server-only";
import type { Video } from "@/generated/prisma/client";
import type { BulkApproval } from "@/lib/review";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { isVideoId } from "@/server/videos/video-id";
import { TRANSLATION_FOLLOWS_SOURCE } from "@/server/videos/visibility";
import { approveVideo, rejectVideo } from "./decide";

const NO_SUCH_VIDEO = "No video with this id.";

/**
 * Why a review decision changed nothing, read after the conditional UPDATE refused it: 404 for no such video, else a
 * 409 saying in an admin's words what the video is now (another admin, or another tab, may have decided first).
 */
async function refusal(id: string): Promise<AppError> {
  const video = isVideoId(id)
    ? await db.video.findUnique({
        where: { id },
        select: { status: true, visibility: true, rejectedAt: true, sourceVideoId: true },
      })
    : null;
  if (!video) return new AppError("not_found", NO_SUCH_VIDEO);
  return new AppError("conflict", conflictMessage(video));
}

function conflictMessage(video: Pick<Video, "status" | "visibility" | "rejectedAt" | "sourceVideoId">): string {
  if (video.sourceVideoId) return TRANSLATION_FOLLOWS_SOURCE;
  if (video.rejectedAt) return "This video was already rejected: generate it again from the plan.";
  if (video.visibility !== "DRAFT")
    return "This video is no longer awaiting review: it was already approved or published.";
  if (video.status === "FAILED") return "This video failed to render: there is nothing to review.";
  return "This video is still being made: review it once it is ready.";
}

/** Approves one ready draft (public at its plan moment, or now); 404 or 409 (refusal) when it is not one. */
export async function approveOrRefuse(id: string): Promise<Video> {
  const approved = isVideoId(id) ? await approveVideo(id) : null;
  if (!approved) throw await refusal(id);
  return approved;
}

/** Rejects one ready draft with a reason (private; its plan pair is missing again); 404 or 409 as approveOrRefuse. */
export async function rejectOrRefuse(id: string, reason: string): Promise<Video> {
  const rejected = isVideoId(id) ? await rejectVideo(id, reason) : null;
  if (!rejected) throw await refusal(id);
  return rejected;
}

/**
 * Approves each of `ids` (distinct) that is a ready draft, one conditional UPDATE each: of two bulk approvals racing,
 * each video is approved by one; the other lists it as skipped, saying why.
 */
export async function approveMany(ids: string[]): Promise<BulkApproval> {
  const result: BulkApproval = { approved: [], skipped: [] };
  for (const id of ids) {
    try {
      const video = await approveOrRefuse(id);
      result.approved.push({ id, publishAt: video.publishAt?.toISOString() ?? null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.skipped.push({ id, reason: error.message });
    }
  }
  return result;
}
