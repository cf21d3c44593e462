import "server-only";
import type { Video } from "@/generated/prisma/client";
import { storedOptions } from "@/lib/generation-options";
import { describeFirstIssue } from "@/lib/validation";
import { isTerminal } from "@/lib/video";
import { createVideoInput, type CreateVideoInput } from "@/lib/video-input";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { createVideo, type CreateVideoResult } from "./create-video";
import { isVideoId } from "./video-id";

/**
 * A new HeyGen job with the settings of an existing video (title, script, look, voice, format and every option),
 * linked to it; the original stays as it is. Same outcomes as a create: a repeated Idempotency-Key gets the first
 * regeneration and no second job, and HeyGen's refusals fail the new video with their own codes. A video still
 * rendering is not made again (409): its own render may yet succeed, and a second would be paid for twice.
 */
export async function regenerateVideo(
  id: string,
  { idempotencyKey }: { idempotencyKey: string | null },
): Promise<CreateVideoResult> {
  const original = isVideoId(id) ? await db.video.findUnique({ where: { id } }) : null;
  if (!original) throw new AppError("not_found", "No video with this id.");
  if (original.sourceVideoId) {
    throw new AppError(
      "conflict",
      "This video is a translation: to make it again, ask for its language again on the video it translates.",
    );
  }
  if (!isTerminal(original.status)) {
    throw new AppError(
      "conflict",
      "This video is still rendering: regenerate it once it is ready or has failed, if it is still needed.",
    );
  }
  return createVideo(sameSettings(original), { idempotencyKey, regeneratedFromId: original.id });
}

/** The original's settings, through the create schema again: a row it would refuse today is a 400, not a HeyGen call. */
function sameSettings(video: Video): CreateVideoInput {
  const parsed = createVideoInput.safeParse({
    title: video.title,
    script: video.script,
    description: video.description,
    avatarId: video.avatarId,
    voiceId: video.voiceId,
    aspectRatio: video.aspectRatio,
    resolution: video.resolution,
    options: storedOptions(video.options),
    presenterId: video.presenterId ?? undefined,
  });
  // The new version is seen as the original would be: same visibility, and its schedule while still to come.
  const publishAt = video.publishAt && video.publishAt.getTime() > Date.now() ? video.publishAt : null;
  if (parsed.success) return { ...parsed.data, visibility: video.visibility, publishAt };
  const { field, message } = describeFirstIssue(parsed.error);
  throw new AppError("invalid_input", `This video cannot be made again as it is: its ${message}.`, { field });
}
