import { AppError } from "@/server/errors";
import { route } from "@/server/http/route";
import { captionsAsWebVtt } from "@/server/media/captions";
import { findVideo } from "@/server/watch/find-video";

/** A render's captions never change: browsers and CDNs may keep them as long as they like (a day here). */
const CACHE_CONTROL = "public, max-age=86400, immutable";

// GET /api/videos/[id]/captions — the video's captions (HeyGen's SRT) as WebVTT, for the player's <track>
export const GET = route<{ id: string }>({}, async ({ params }) => {
  const video = await findVideo(params.id);
  if (!video) throw new AppError("not_found", "No video with this id.");
  return new Response(await captionsAsWebVtt(video), {
    headers: { "content-type": "text/vtt; charset=utf-8", "cache-control": CACHE_CONTROL },
  });
});
