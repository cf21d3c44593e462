import { isAdminRequest } from "@/server/auth/session";
import { AppError } from "@/server/errors";
import { publicVideoCacheControl } from "@/server/http/public-cache";
import { route } from "@/server/http/route";
import { captionsAsWebVtt } from "@/server/media/captions";
import { findVideo } from "@/server/watch/find-video";
import { cacheControlFor } from "@/server/watch/viewer-gate";

// GET /api/videos/[id]/captions — the video's captions (HeyGen's SRT) as WebVTT, for the player's <track>. They never
// change, but the video may be deleted: cached briefly (public-cache.ts), never `immutable`.
export const GET = route<{ id: string }>({}, async ({ request, params }) => {
  const video = await findVideo(params.id, { admin: () => isAdminRequest(request) });
  if (!video) throw new AppError("not_found", "No video with this id.");
  return new Response(await captionsAsWebVtt(video), {
    headers: {
      "content-type": "text/vtt; charset=utf-8",
      "cache-control": cacheControlFor(video, publicVideoCacheControl()),
    },
  });
});
