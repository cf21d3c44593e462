import "server-only";
import { viewersMaySee } from "@/lib/visibility";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { isVideoId } from "@/server/videos/video-id";
import { publicVideoCacheControl } from "@/server/http/public-cache";
import { FOREVER, mediaAnswer, REDIRECT_CACHE_CONTROL } from "@/server/media/media-response";
import { storedMediaOf } from "@/server/media/served-media";
import { mediaStorage } from "@/server/media/storage";
import { STORED_FILE_KINDS, STORED_FILE_TYPES, type StoredFile } from "@/server/media/storage/stored-media";
import { findVideo } from "./find-video";
import { videoCache } from "./video-cache";
import { cacheControlFor, gateVideo, type AdminCheck } from "./viewer-gate";

const NOT_FOUND = () => new AppError("not_found", "There is nothing at this address.");

/** `{sha8}.{ext}`, as storedMediaUrls names each file. */
const FILE_NAME = /^([0-9a-f]{8})\.([a-z0-9]+)$/;

/**
 * GET or HEAD `/media/{id}/{sha8}.{ext}`: the stored file of that kind whose hash starts so, else 404 (unknown or
 * deleted video, not stored, another hash, another extension). The row comes from the viewer read path's cache, which
 * every change (a delete included) empties at once on every instance: a crowd of viewers costs the database one read
 * per video now and then, and a deleted video's files answer 404 immediately; so do those of a video viewers may not
 * see, unless an admin asks (and then no shared cache may keep them: viewer-gate.ts).
 */
export async function serveStoredFile(
  request: Request,
  id: string,
  fileName: string,
  admin: AdminCheck,
): Promise<Response> {
  const [, sha8, ext] = FILE_NAME.exec(fileName) ?? [];
  const kind = STORED_FILE_KINDS.find((candidate) => STORED_FILE_TYPES[candidate].ext === ext);
  if (!sha8 || !kind || !isVideoId(id)) throw NOT_FOUND();
  const video = await gateVideo(await videoCache.read(id), admin);
  const file = video && storedMediaOf(video)?.files[kind];
  if (!file || file.sha256.slice(0, 8) !== sha8) throw NOT_FOUND();
  return answerOrMissing(
    id,
    file,
    await mediaAnswer(mediaStorage(), file, {
      ...asked(request),
      cacheControl: cacheControlFor(video, FOREVER),
      redirectCacheControl: cacheControlFor(video, REDIRECT_CACHE_CONTROL),
      // The public URL only once the public copy exists (src/server/media/public-copy/): until then, at a scheduled
      // moment say, a presigned one; an admin looking at a hidden video always gets a presigned one.
      published: viewersMaySee(video) && video.publicMediaAt !== null,
    }),
  );
}

/**
 * `/media/{id}/download`: the MP4 as an attachment named after the title, from our copy (same-origin, so the browser
 * saves it; S3: a presigned URL asking for that disposition). Not stored yet: a redirect to HeyGen's fresh URL, where
 * the browser plays or saves it as it sees fit. The URL does not name the bytes, so it is cached briefly only.
 */
export async function serveDownload(request: Request, id: string, admin: AdminCheck): Promise<Response> {
  const video = await findVideo(id, { admin });
  if (video?.status !== "COMPLETED") throw NOT_FOUND();
  const file = storedMediaOf(video)?.files.video;
  if (!file) {
    if (!video.videoUrl) throw NOT_FOUND();
    return new Response(null, { status: 302, headers: { location: video.videoUrl, "cache-control": "no-store" } });
  }
  const answer = await mediaAnswer(mediaStorage(), file, {
    ...asked(request),
    cacheControl: cacheControlFor(video, publicVideoCacheControl()),
    redirectCacheControl: cacheControlFor(video, REDIRECT_CACHE_CONTROL),
    downloadName: downloadName(video.title),
  });
  return answerOrMissing(id, file, answer);
}

/** The file name a download is saved as: the title, without what file systems refuse, and `.mp4`. */
export function downloadName(title: string): string {
  const name = title
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 120);
  return `${name.replace(/^\.+/, "") || "video"}.mp4`;
}

const asked = (request: Request) => ({ method: request.method, headers: request.headers });

/** The row says stored but the storage has no such object: a lost file, worth an operator's attention. */
function answerOrMissing(videoId: string, file: StoredFile, answer: Response | null): Response {
  if (answer) return answer;
  logger.error({ videoId, key: file.key }, "a stored media file is missing from storage");
  throw NOT_FOUND();
}
