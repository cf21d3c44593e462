import { after, NextResponse } from "next/server";
import { LONG_POLL_MAX_SECONDS } from "@/lib/video-etag";
import { clientAddress } from "@/server/auth/client-address";
import { isAdminRequest } from "@/server/auth/session";
import { AppError } from "@/server/errors";
import { route } from "@/server/http/route";
import { staleCheckFor } from "@/server/reconcile/on-read";
import { videoStatus } from "@/server/watch/video-status";

/**
 * GET /api/videos/[id]: one video's status, watched by the VideoPlayer. `If-None-Match` → 304 when unchanged;
 * with `?wait=N` (seconds, at most 25) as well, the answer waits for the next change (a long-poll). `?fresh`: the
 * player could not load the media URL it has.
 */
export const GET = route<{ id: string }>({}, async ({ request, params, note }) => {
  const query = request.nextUrl.searchParams;
  const status = await videoStatus(params.id, {
    admin: await isAdminRequest(request),
    ifNoneMatch: request.headers.get("if-none-match"),
    waitSeconds: parseWait(query.get("wait")),
    // The one place the long-poll caps learn who asks (the same address the login limits use).
    client: clientAddress(request),
    forceFreshMedia: query.has("fresh"),
    signal: request.signal,
  });
  if (!status) throw new AppError("not_found", "No video with this id.");
  // No news from HeyGen for a while: ask it, after answering (the change then reaches every watcher).
  const staleCheck = staleCheckFor(status.row);
  if (staleCheck) {
    after(staleCheck);
    note({ staleCheck: true });
  }
  const headers = { etag: status.etag, "cache-control": status.cacheControl };
  if (status.notModified) return new NextResponse(null, { status: 304, headers });
  return new NextResponse(status.body, { headers: { ...headers, "content-type": "application/json" } });
});

function parseWait(raw: string | null): number {
  if (raw === null) return 0;
  const seconds = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(seconds) || seconds < 0 || seconds > LONG_POLL_MAX_SECONDS) {
    throw new AppError("invalid_input", `wait must be a number of seconds from 0 to ${LONG_POLL_MAX_SECONDS}.`, {
      field: "wait",
    });
  }
  return seconds;
}
