import "server-only";
import type { Overview } from "@/lib/overview";
import { typicalRenderSeconds } from "@/server/videos/typical-render-time";
import { heygenAccount } from "./heygen-account";
import { mediaFigures } from "./media-figures";
import { reviewFigures } from "./review-figures";
import { videoCounts } from "./video-counts";
import { webhookHealth } from "./webhook-health";

/** The admin dashboard: the videos, our copies of their media, the HeyGen account and the webhook's health, gathered at once. */
export async function getOverview(now = new Date()): Promise<Overview> {
  const todayStartedAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const [videos, media, review, typical, account, webhooks] = await Promise.all([
    videoCounts(todayStartedAt),
    mediaFigures(),
    reviewFigures(now),
    typicalRenderSeconds(),
    heygenAccount(),
    webhookHealth(now),
  ]);
  return {
    generatedAt: now.toISOString(),
    todayStartedAt: todayStartedAt.toISOString(),
    videos: { ...videos, typicalRenderSeconds: typical },
    media,
    review,
    heygen: account,
    webhooks,
  };
}
