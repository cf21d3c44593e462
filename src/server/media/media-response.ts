import "server-only";
import { Readable } from "node:stream";
import { create as contentDisposition } from "content-disposition";
import parseRange from "range-parser";
import { BROWSER_MAX_AGE_S } from "@/server/http/public-cache";
import type { MediaStorage } from "./storage/media-storage";
import type { StoredFile } from "./storage/stored-media";

/** A content-addressed URL (`/media/{id}/{sha8}.mp4`) never names other bytes: browsers and CDNs may keep it for ever. */
export const FOREVER = "public, max-age=31536000, immutable";

/**
 * How long a redirect to the storage's own URL (a presigned GET, or MEDIA_PUBLIC_URL) may be kept: far shorter than a
 * presigned URL lives (minutes at least), so none is followed after it expired; and never `immutable`, since a
 * deleted video's redirect must die with it.
 */
export const REDIRECT_CACHE_CONTROL = `public, max-age=${BROWSER_MAX_AGE_S}, s-maxage=${BROWSER_MAX_AGE_S}`;

export type MediaAnswerOptions = {
  method: string;
  headers: Headers;
  /** Cache-Control of the bytes: FOREVER for a content-addressed URL. */
  cacheControl: string;
  /** Answer as a download with this file name (Content-Disposition: attachment). */
  downloadName?: string;
  /** The file's public copy exists and viewers may see it: a redirect may name the public URL (MEDIA_PUBLIC_URL). */
  published?: boolean;
  /** Cache-Control of a redirect: REDIRECT_CACHE_CONTROL, or no shared cache at all for admins' hidden media. */
  redirectCacheControl?: string;
};

/**
 * The HTTP answer for one stored file: a 302 to the storage's own URL when it has one (S3 presigned,
 * MEDIA_PUBLIC_URL), else the bytes from `storage.read`, with what players and caches need: Range (206, one range;
 * several are answered with the whole file, as Express's `send` does), 416 for a range outside the file or one that
 * does not parse, ETag (the SHA-256) with If-None-Match → 304 and If-Range, HEAD. Null: the object is missing.
 */
export async function mediaAnswer(
  storage: MediaStorage,
  file: StoredFile,
  options: MediaAnswerOptions,
): Promise<Response | null> {
  const disposition = options.downloadName ? { "content-disposition": attachment(options.downloadName) } : undefined;
  const direct = await storage.directUrl(file.key, {
    downloadName: options.downloadName,
    published: options.published,
  });
  if (direct) {
    const cacheControl = options.redirectCacheControl ?? REDIRECT_CACHE_CONTROL;
    return new Response(null, { status: 302, headers: { location: direct, "cache-control": cacheControl } });
  }

  const etag = `"${file.sha256}"`;
  const common = {
    etag,
    "cache-control": options.cacheControl,
    "accept-ranges": "bytes",
    "x-content-type-options": "nosniff",
    ...disposition,
  };
  if (matchesEtag(options.headers.get("if-none-match"), etag))
    return new Response(null, { status: 304, headers: common });

  const range = requestedRange(options.headers, file.bytes, etag);
  if (range === "unsatisfiable") {
    return new Response(null, { status: 416, headers: { ...common, "content-range": `bytes */${file.bytes}` } });
  }
  const length = range ? range.end - range.start + 1 : file.bytes;
  const headers = {
    ...common,
    "content-type": file.contentType,
    "content-length": String(length),
    ...(range && { "content-range": `bytes ${range.start}-${range.end}/${file.bytes}` }),
  };
  const status = range ? 206 : 200;
  if (options.method === "HEAD") return new Response(null, { status, headers });
  const body = await storage.read(file.key, range ?? undefined);
  if (!body) return null;
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, { status, headers });
}

/**
 * The one range to answer, null for the whole file (no Range, a stale If-Range, several ranges, a unit other than
 * bytes), or "unsatisfiable" (416): past the end, or a Range header that does not parse.
 */
function requestedRange(headers: Headers, size: number, etag: string) {
  const header = headers.get("range");
  if (!header) return null;
  const ifRange = headers.get("if-range");
  if (ifRange !== null && ifRange !== etag) return null;
  const ranges = parseRange(size, header, { combine: true });
  if (ranges === -1 || ranges === -2) return "unsatisfiable";
  if (ranges.type !== "bytes" || ranges.length !== 1) return null;
  return ranges[0]!;
}

/** If-None-Match holds our ETag (a list, weak or not) or `*`. */
function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === etag || tag === "*");
}

/** `attachment; filename="…"` (ASCII, for old browsers) plus `filename*=UTF-8''…` when the name needs more. */
function attachment(name: string): string {
  return contentDisposition(name, { type: "attachment" });
}
