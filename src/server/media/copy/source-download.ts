import "server-only";
import { Readable, Transform } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { env } from "@/server/env";
import { CopyFailure } from "./copy-failure";
import { sourceRefusal } from "./source-hosts";

/** Redirects followed at most (each one's host checked like the first). */
const MAX_REDIRECTS = 3;
/** A download that receives nothing for this long is given up (and tried again later). */
export const SOURCE_STALL_MS = 60_000;

export type SourceFile = {
  /** The bytes as they arrive: never the whole file in memory. */
  body: Readable;
  /** The source's Content-Length, when it said one. */
  contentLength: number | undefined;
};

/**
 * Opens one of HeyGen's media files for streaming, after checking its host (and every redirect's) against HeyGen's
 * media hosts, its status, and its Content-Length against `maxBytes`. `label` names the file in failure reasons.
 */
export async function openSource(url: string, label: string, maxBytes: number): Promise<SourceFile> {
  let current = new URL(url);
  for (let hops = 0; ; hops++) {
    const refused = sourceRefusal(current);
    if (refused) throw new CopyFailure(`The ${label}'s address was refused: ${refused}`, false);
    const controller = new AbortController();
    const connect = setTimeout(() => controller.abort(), env.HEYGEN_TIMEOUT_MS);
    let response: Response;
    try {
      response = await fetch(current, { redirect: "manual", signal: controller.signal });
    } catch (error) {
      throw new CopyFailure(`HeyGen's ${label} could not be reached (${(error as Error).message}).`, true);
    } finally {
      clearTimeout(connect);
    }
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location && hops < MAX_REDIRECTS) {
      discard(response);
      current = new URL(location, current);
      continue;
    }
    if (!response.ok || !response.body) {
      discard(response);
      throw new CopyFailure(`HeyGen's ${label} answered HTTP ${response.status}.`, true);
    }
    const header = response.headers.get("content-length");
    const contentLength = header === null ? undefined : Number(header);
    if (contentLength !== undefined && contentLength > maxBytes) {
      discard(response);
      throw new CopyFailure(`HeyGen's ${label} is ${contentLength} bytes, over the ${maxBytes}-byte limit.`, false);
    }
    const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
    const guarded = stallGuard(controller, label);
    body.on("error", (error) => guarded.destroy(error));
    return { body: body.pipe(guarded), contentLength };
  }
}

/** Drops an answer's body unread (not awaited: a body that never ends must not hold the copy). */
function discard(response: Response): void {
  response.body?.cancel().catch(() => {});
}

/** Passes bytes through; aborts the download (failing the stream) when none arrive for SOURCE_STALL_MS. */
function stallGuard(controller: AbortController, label: string): Transform {
  const timer = setTimeout(() => {
    controller.abort();
    guard.destroy(new CopyFailure(`HeyGen's ${label} stopped arriving for ${SOURCE_STALL_MS / 1000} s.`, true));
  }, SOURCE_STALL_MS);
  const guard = new Transform({
    transform(chunk, _encoding, done) {
      timer.refresh();
      done(null, chunk);
    },
    flush(done) {
      clearTimeout(timer);
      done();
    },
    destroy(error, done) {
      clearTimeout(timer);
      done(error);
    },
  });
  return guard;
}
