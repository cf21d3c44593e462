import "server-only";
import type { Video } from "@/generated/prisma/client";
import { z } from "@/lib/zod";
import { describeFirstIssue } from "@/lib/validation";
import { toPublicVideo } from "@/lib/video";
import { frameSize } from "@/lib/video-format";
import { AppError } from "@/server/errors";
import { findVideo } from "@/server/watch/find-video";
import { cacheControlFor, type AdminCheck } from "@/server/watch/viewer-gate";
import { publicVideoCacheControl } from "@/server/http/public-cache";
import { embedCode } from "./embed-code";
import { shareLinks, SITE_NAME } from "./share-links";
import { absoluteMediaUrl, storedMediaOf, storedMediaUrls } from "@/server/media/served-media";

const bound = z.coerce
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .positive("must be positive")
  .optional();

const oEmbedQuery = z.object({
  url: z.string({ error: "is required" }).min(1, "is required"),
  maxwidth: bound,
  maxheight: bound,
  format: z.enum(["json", "xml"], { error: "must be json or xml" }).default("json"),
});

type OEmbedRequest = { videoId: string; maxWidth?: number; maxHeight?: number };

/**
 * An oEmbed consumer's query: 400 naming the parameter at fault (`url` must be a watch page of this site), 501
 * for format=xml, as the oEmbed spec answers a format the provider does not produce.
 */
export function readOEmbedQuery(params: URLSearchParams, origin: string): OEmbedRequest {
  const parsed = oEmbedQuery.safeParse(Object.fromEntries(params));
  if (!parsed.success) {
    const { field, message } = describeFirstIssue(parsed.error);
    throw new AppError("invalid_input", message, { field });
  }
  const { url, maxwidth, maxheight, format } = parsed.data;
  if (format === "xml") throw new AppError("format_not_implemented", "Only format=json is available.");
  const videoId = watchedVideoId(url, origin);
  if (!videoId) {
    throw new AppError("invalid_input", `url must be a watch page of this site: ${origin}/videos/<id>`, {
      field: "url",
    });
  }
  return { videoId, maxWidth: maxwidth, maxHeight: maxheight };
}

/**
 * oEmbed's `video` answer for a finished video (an iframe of the embed player sized to fit the bounds) and its
 * Cache-Control: public while viewers may see the video, private for what only an admin may.
 */
export async function oEmbedFor({ videoId, ...bounds }: OEmbedRequest, origin: string, admin: AdminCheck) {
  const row = await findVideo(videoId, { admin });
  if (row?.status !== "COMPLETED") throw new AppError("not_found", "No finished video at this URL.");
  return { body: oEmbedBody(row, bounds, origin), cacheControl: cacheControlFor(row, publicVideoCacheControl()) };
}

function oEmbedBody(row: Video, bounds: Omit<OEmbedRequest, "videoId">, origin: string) {
  const video = toPublicVideo(row, { admin: false }, storedMediaUrls(row));
  const links = shareLinks(origin, video.id);
  const { html, width, height } = embedCode(origin, video, bounds);
  const thumbnail = frameSize(video.aspectRatio, video.resolution);
  return {
    version: "1.0",
    type: "video",
    provider_name: SITE_NAME,
    provider_url: `${origin}/`,
    title: video.title,
    html,
    width,
    height,
    ...(video.thumbnailUrl && {
      // Ours and content-addressed once stored; until then the thumbnail route, which outlives HeyGen's URLs.
      thumbnail_url: storedMediaOf(row) ? absoluteMediaUrl(video.thumbnailUrl, origin) : links.thumbnail,
      thumbnail_width: thumbnail.width,
      thumbnail_height: thumbnail.height,
    }),
  };
}

function watchedVideoId(url: string, origin: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host !== new URL(origin).host) return null;
  return parsed.pathname.match(/^\/videos\/([^/]+)\/?$/)?.[1] ?? null;
}
