import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { heygenRequests } from "./heygen";
import { videoRow } from "./requests";
import { TEST_ENV } from "./test-env";

const DAY = 24 * 3600 * 1000;
const heygenHeaders = { "x-api-key": TEST_ENV.HEYGEN_API_KEY, "content-type": "application/json" };

type HeygenVideo = { id: string; video_url: string; thumbnail_url: string; subtitle_url: string; duration: number };

/**
 * A COMPLETED video as the app stores it after HeyGen's webhook and render details: its job exists at the fake
 * HeyGen, and its media URLs are the fake's, signed for 7 days. HeyGen calls made here are not counted.
 */
export async function completedVideo(fields: Partial<Prisma.VideoCreateInput> = {}) {
  const created = (await fetch(`${TEST_ENV.HEYGEN_API_URL}/v3/videos`, {
    method: "POST",
    headers: heygenHeaders,
    body: JSON.stringify({ type: "avatar", avatar_id: videoRow.avatarId, script: "Hi", title: videoRow.title }),
  }).then((response) => response.json())) as { data: { video_id: string } };
  const { data } = (await fetch(`${TEST_ENV.HEYGEN_API_URL}/v3/videos/${created.data.video_id}`, {
    headers: heygenHeaders,
  }).then((response) => response.json())) as { data: HeygenVideo };
  heygenRequests.length = 0;
  return db.video.create({
    data: {
      ...videoRow,
      status: "COMPLETED",
      heygenVideoId: data.id,
      videoUrl: data.video_url,
      thumbnailUrl: data.thumbnail_url,
      subtitleUrl: data.subtitle_url,
      duration: data.duration,
      mediaExpiresAt: new Date(Date.now() + 6 * DAY),
      completedAt: new Date(),
      detailsAt: new Date(),
      ...fields,
    },
  });
}
