import "server-only";
import type { Video } from "@/generated/prisma/client";
import type { CreateVideoInput } from "@/lib/video-input";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { generateVideo } from "@/server/heygen/client";
import { HeygenError } from "@/server/heygen/errors";
import { applyStatusChange } from "./transition";

/** HeyGen refused or did not confirm the job; `video` is the row as it now stands. */
export class VideoGenerationError extends Error {
  constructor(
    readonly video: Video,
    readonly heygenError: HeygenError,
  ) {
    super(heygenError.message);
    this.name = "VideoGenerationError";
  }
}

function heygenCallbackUrl(): string | undefined {
  return env.NEXT_PUBLIC_APP_URL ? new URL("/api/heygen/callback", env.NEXT_PUBLIC_APP_URL).href : undefined;
}

/**
 * Records the video first (PENDING, its id doubling as HeyGen's callback_id), then asks HeyGen to
 * render it. Should this process die after HeyGen accepts, the webhook still finds the row by
 * callback_id, so no render is ever orphaned.
 */
export async function createVideo(input: CreateVideoInput): Promise<Video> {
  const video = await db.video.create({ data: { ...input, status: "PENDING" } });

  let heygenVideoId: string;
  try {
    ({ videoId: heygenVideoId } = await generateVideo({
      ...input,
      callbackId: video.id,
      callbackUrl: heygenCallbackUrl(),
    }));
  } catch (error) {
    if (!(error instanceof HeygenError)) throw error;
    throw new VideoGenerationError(await recordGenerateFailure(video, error), error);
  }

  const { video: updated } = await applyStatusChange(video.id, { status: "PROCESSING", heygenVideoId });
  return updated ?? video;
}

async function recordGenerateFailure(video: Video, error: HeygenError): Promise<Video> {
  if (error.kind === "unreachable") {
    // HeyGen may have accepted the job: keep it PENDING so a later webhook can still complete it.
    console.warn(`[videos] generate for ${video.id} unconfirmed: ${error.message}`);
    await db.video.updateMany({
      where: { id: video.id, status: "PENDING" },
      data: { error: `HeyGen did not confirm this job (${error.message}); waiting for its webhook.` },
    });
    return (await db.video.findUnique({ where: { id: video.id } })) ?? video;
  }
  const { video: failed } = await applyStatusChange(video.id, { status: "FAILED", error: error.message });
  return failed ?? video;
}
