import { createHmac, timingSafeEqual } from "node:crypto";
import { readFile } from "node:fs/promises";
import { http, HttpResponse, type HttpHandler } from "msw";

/** Length of media/sample.mp4, as built by scripts/make-sample-media.sh. */
export const SAMPLE_DURATION_SECONDS = 5;

/** HeyGen's documented lifetime of presigned URLs (another HeyGen text says about 24 hours). */
export const DEFAULT_MEDIA_URL_LIFETIME_SECONDS = 7 * 24 * 60 * 60;

const samples = {
  mp4: { file: "sample.mp4", contentType: "video/mp4" },
  jpg: { file: "sample.jpg", contentType: "image/jpeg" },
  mp3: { file: "sample.mp3", contentType: "audio/mpeg" },
  srt: { file: "sample.srt", contentType: "application/x-subrip" },
  /** A translation's `vtt_caption_url`. */
  vtt: { file: "sample.vtt", contentType: "text/vtt" },
} as const;

type Sample = keyof typeof samples;

/** Signs `<baseUrl>/media/<file>?Expires=&Signature=` URLs that expire like HeyGen's presigned ones. */
export function createMediaSigner(
  baseUrl: string,
  secret: string,
  lifetimeSeconds = DEFAULT_MEDIA_URL_LIFETIME_SECONDS,
) {
  const signature = (file: string, expires: string) =>
    createHmac("sha256", secret).update(`media:${file}:${expires}`).digest("hex");

  return {
    url(file: string): string {
      const expires = String(Math.floor(Date.now() / 1000) + lifetimeSeconds);
      const query = new URLSearchParams({ Expires: expires, Signature: signature(file, expires) });
      return `${baseUrl}/media/${encodeURIComponent(file)}?${query}`;
    },
    isValid(file: string, url: URL): boolean {
      const expires = url.searchParams.get("Expires") ?? "";
      const given = Buffer.from(url.searchParams.get("Signature") ?? "", "utf8");
      const expected = Buffer.from(signature(file, expires), "utf8");
      const notExpired = /^\d+$/.test(expires) && Number(expires) * 1000 > Date.now();
      return notExpired && given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

export type MediaSigner = ReturnType<typeof createMediaSigner>;

type ByteRange = { start: number; end: number };

/** Parses a single `bytes=` range; `null` means "serve the whole file" (a multi-range request included). */
export function parseByteRange(header: string | null, size: number): ByteRange | "unsatisfiable" | null {
  const match = header?.trim().match(/^bytes=(\d*)-(\d*)$/);
  if (!match) return null;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return null;
  if (first === "") {
    const suffix = Number(last);
    return suffix === 0 ? "unsatisfiable" : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return "unsatisfiable";
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  return end < start ? null : { start, end };
}

function sampleFor(file: string): Sample | null {
  const extension = file.split(".").pop()?.toLowerCase() ?? "";
  return extension in samples ? (extension as Sample) : null;
}

/**
 * Serves the sample files for any signed `/media/<name>.<mp4|jpg|mp3|srt|vtt>` URL, with Range support for seeking.
 * `notReadyYet(file)`: an HTTP status to answer instead (a CDN not ready with a fresh render's files), or null.
 */
export function mediaHandlers(
  baseUrl: string,
  signer: MediaSigner,
  notReadyYet: (file: string) => 403 | 404 | null = () => null,
): HttpHandler[] {
  const cache = new Map<Sample, Promise<Buffer>>();
  const bytesOf = (sample: Sample) => {
    if (!cache.has(sample)) cache.set(sample, readFile(new URL(`./media/${samples[sample].file}`, import.meta.url)));
    return cache.get(sample)!;
  };

  const serve = async (request: Request, file: string) => {
    const sample = sampleFor(file);
    if (!sample) return HttpResponse.text("Not found", { status: 404 });
    const notReady = notReadyYet(file);
    if (notReady) return HttpResponse.text(notReady === 403 ? "Access denied" : "Not found", { status: notReady });
    if (!signer.isValid(file, new URL(request.url))) {
      return HttpResponse.text("Access denied: missing, invalid or expired signature", { status: 403 });
    }
    const bytes = await bytesOf(sample);
    const headers = new Headers({
      "content-type": samples[sample].contentType,
      "accept-ranges": "bytes",
      "cache-control": "private, max-age=3600",
      "access-control-allow-origin": "*",
    });
    const range = parseByteRange(request.headers.get("range"), bytes.length);
    if (range === "unsatisfiable") {
      headers.set("content-range", `bytes */${bytes.length}`);
      return new HttpResponse(null, { status: 416, headers });
    }
    const { start, end } = range ?? { start: 0, end: bytes.length - 1 };
    headers.set("content-length", String(end - start + 1));
    if (range) headers.set("content-range", `bytes ${start}-${end}/${bytes.length}`);
    const body = request.method === "HEAD" ? null : new Uint8Array(bytes.subarray(start, end + 1));
    return new HttpResponse(body, { status: range ? 206 : 200, headers });
  };

  const path = `${baseUrl}/media/:file`;
  return [
    http.get(path, ({ request, params }) => serve(request, String(params.file))),
    http.head(path, ({ request, params }) => serve(request, String(params.file))),
  ];
}
