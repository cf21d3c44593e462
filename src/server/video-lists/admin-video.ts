import "server-only";
import type { Video } from "@/generated/prisma/client";
import type { AdminVideoDetail, VideoSettings } from "@/lib/admin-video-detail";
import type { AdminVideo } from "@/lib/video";
import { cachedCatalogue } from "@/server/catalogue/heygen-catalogue";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { isVideoId } from "@/server/videos/video-id";
import { listDeliveries } from "@/server/webhooks/delivery-log";
import { ADMIN_VIDEO_FIELDS, toAdminVideo } from "./admin-videos";
import { presentedByOf } from "./presented-by";

/**
 * One video as its admin sees it on its page (GET /api/admin/videos/[id]): its settings, its versions and HeyGen's
 * deliveries about it. Null when there is no such video.
 */
export async function adminVideoDetail(id: string): Promise<AdminVideoDetail | null> {
  if (!isVideoId(id)) return null;
  const row = await db.video.findUnique({
    where: { id },
    include: ADMIN_VIDEO_FIELDS,
  });
  if (!row) return null;
  // Its media URLs are not refreshed here: the panel shows none (the player beside it has its own, kept fresh).
  const deliveries = await listDeliveries(row.id);
  return {
    video: toAdminVideo(row, presentedByOf()(row)),
    settings: settingsOf(row),
    deliveries: deliveries.map((delivery) => ({ ...delivery, receivedAt: delivery.receivedAt.toISOString() })),
    mediaBucket: env.S3_BUCKET ?? null,
  };
}

/** One video as the admin list shows it (null when there is no such video): PATCH's answer. */
export async function adminVideo(id: string): Promise<AdminVideo | null> {
  const row = await db.video.findUnique({ where: { id }, include: ADMIN_VIDEO_FIELDS });
  return row ? toAdminVideo(row, presentedByOf()(row)) : null;
}

/** The script, look and voice, named from the cached catalogue when it is at hand (a page view never asks HeyGen). */
function settingsOf(video: Pick<Video, "script" | "avatarId" | "voiceId">): VideoSettings {
  const catalogue = cachedCatalogue();
  const look = catalogue?.looks.find((candidate) => candidate.id === video.avatarId);
  const voice = video.voiceId
    ? catalogue?.voices.find((candidate) => candidate.id === video.voiceId)
    : look?.defaultVoice;
  return {
    script: video.script,
    lookId: video.avatarId,
    lookName: look?.name ?? null,
    voiceId: video.voiceId,
    voiceName: voice?.name ?? null,
  };
}
