import "server-only";
import { isTerminal } from "@/lib/video";
import { db } from "@/server/db";
import { heygen } from "@/server/heygen-client";
import type { HeygenVideoStatus } from "@/server/heygen/client";
import { classifyHeygenFailure } from "@/server/heygen/failures";
import { logger } from "@/server/logger";
import { heygenConfigured } from "@/server/settings/credentials";
import { applyStatusChange } from "@/server/videos/transition";
import { applyRecord, looksLikeOurs, type RecordOutcome } from "./apply-record";
import { claimVideos, HEYGEN_CALL_INTERVAL_MS, type ClaimedVideo } from "./claim";
import { GONE_AT_HEYGEN, isPastGiveUp, noTraceReason } from "./give-up";

export type SyncOutcome = RecordOutcome | "given_up" | "no_trace_yet" | "heygen_unavailable" | "nothing_to_ask";

/**
 * Claims a video and, if this caller got the claim, asks HeyGen about it and applies the answer (see syncVideo).
 * `claimed_elsewhere`: someone asked within the interval. Without an API key nothing is claimed or asked.
 */
export async function claimAndSync(
  videoId: string,
  options: { intervalMs?: number; heygenVideoId?: string | null } = {},
): Promise<SyncOutcome | "claimed_elsewhere"> {
  if (!(await heygenConfigured())) return "heygen_unavailable";
  const [video] = await claimVideos([videoId], options.intervalMs ?? HEYGEN_CALL_INTERVAL_MS);
  if (!video) return "claimed_elsewhere";
  return syncVideo(video, options);
}

/**
 * Asks HeyGen about one claimed video and applies what it says: an unfinished one's status (and media, when it
 * completed), a completed one's render details and fresh URLs; a failed one needs nothing. A video whose create answer
 * was lost has no HeyGen id: `heygenVideoId` is one a hint named (checked against HeyGen's record before it is tied to
 * the row), else its job is looked for by title, and given up 30 minutes on without a trace.
 */
export async function syncVideo(
  video: ClaimedVideo,
  options: { heygenVideoId?: string | null; now?: Date } = {},
): Promise<SyncOutcome> {
  if (video.status === "FAILED") return "nothing_to_ask";
  const heygenVideoId = video.heygenVideoId ?? options.heygenVideoId;
  if (heygenVideoId) return askRecord(video, heygenVideoId);
  if (video.status === "COMPLETED") return "nothing_to_ask"; // completed by a webhook that named no HeyGen id
  return findLostCreate(video, options.now ?? new Date());
}

/**
 * syncVideo for many claimed videos (a reconciliation run): those rendering under a known HeyGen id are asked with
 * HeyGen's bulk status endpoint first (100 a call), and only those it says finished are asked for their record (the
 * bulk answer carries no URLs); the rest one by one. In the order given.
 */
export async function syncVideos(videos: ClaimedVideo[], now = new Date()): Promise<SyncOutcome[]> {
  // Translations are not in /v3/videos/statuses: they are asked one by one, at /v3/video-translations/{id}.
  const rendering = videos.filter((video) => !isTerminal(video.status) && video.heygenVideoId && !video.sourceVideoId);
  const statuses =
    rendering.length === 0
      ? []
      : await ask(() => heygen.getStatuses(rendering.map((video) => video.heygenVideoId!)), {}, "video statuses");
  const outcomes: SyncOutcome[] = [];
  for (const video of videos) {
    if (!rendering.includes(video)) outcomes.push(await syncVideo(video, { now }));
    else outcomes.push(statuses ? await applyStatus(video, statusOf(video, statuses), now) : "heygen_unavailable");
  }
  return outcomes;
}

const statusOf = (video: ClaimedVideo, statuses: HeygenVideoStatus[]) =>
  statuses.find((status) => status.videoId === video.heygenVideoId);

/** HeyGen's bulk status of a rendering video: finished ones are asked for their record, the rest need no call. */
async function applyStatus(video: ClaimedVideo, status: HeygenVideoStatus | undefined, now: Date) {
  if (status?.state === "COMPLETED" || status?.state === "FAILED") return askRecord(video, video.heygenVideoId!);
  if (status?.state === "PROCESSING") {
    if (video.status === "PENDING")
      await applyStatusChange(video.id, { status: "PROCESSING", heygenVideoId: status.videoId });
    return "rendering";
  }
  if (status?.state === "NOT_FOUND" && isPastGiveUp(video, now)) return giveUp(video, GONE_AT_HEYGEN);
  return "unchanged";
}

/** HeyGen's record of the job (a translation's at /v3/video-translations), applied alike. */
async function askRecord(video: ClaimedVideo, heygenVideoId: string): Promise<SyncOutcome> {
  const context = { videoId: video.id, heygenVideoId };
  if (video.sourceVideoId) return askTranslation(video, heygenVideoId);
  const remote = await ask(() => heygen.getVideo(heygenVideoId), context, "a video");
  return remote ? applyRecord(video, remote) : "heygen_unavailable";
}

/**
 * A translation's record. Translations have no bulk status whose `not_found` gives up a vanished video: a 404 here
 * does, once the variant is past the give-up age (deleted at HeyGen, it will never finish).
 */
async function askTranslation(video: ClaimedVideo, translationId: string): Promise<SyncOutcome> {
  try {
    const remote = await heygen.getTranslation(translationId);
    if (remote.inputLanguage) await noteSpokenLanguage(video.sourceVideoId!, remote.inputLanguage);
    return await applyRecord(video, remote);
  } catch (error) {
    const failure = classifyHeygenFailure(error);
    if (!failure) throw error;
    if (failure.kind === "not_found" && !isTerminal(video.status) && isPastGiveUp(video, new Date())) {
      return giveUp(video, GONE_AT_HEYGEN);
    }
    logger.warn(
      { videoId: video.id, translationId, kind: failure.kind, err: failure.message },
      "could not ask HeyGen about a translation",
    );
    return "heygen_unavailable";
  }
}

/** The source's spoken language, as HeyGen heard it translating it: recorded once (the watch page names the original). */
async function noteSpokenLanguage(sourceId: string, language: string): Promise<void> {
  await db.video.updateMany({ where: { id: sourceId, spokenLanguage: null }, data: { spokenLanguage: language } });
}

/**
 * A create whose answer was lost: its job among the account's newest videos of the same title, made after our row; a
 * translation's among the account's translations carrying our id as callback_id.
 */
async function findLostCreate(video: ClaimedVideo, now: Date): Promise<SyncOutcome> {
  const found = video.sourceVideoId
    ? await ask(
        () => heygen.findTranslationsByCallbackId(video.id),
        { videoId: video.id },
        "an unconfirmed translation",
      )
    : await ask(() => heygen.findVideosByTitle(video.title), { videoId: video.id }, "an unconfirmed video");
  if (!found) return "heygen_unavailable";
  for (const candidate of found.filter((remote) => looksLikeOurs(video, remote)).reverse()) {
    const owner = await db.video.findUnique({ where: { heygenVideoId: candidate.id }, select: { id: true } });
    if (!owner) return askRecord(video, candidate.id);
  }
  return isPastGiveUp(video, now) ? giveUp(video, noTraceReason(video)) : "no_trace_yet";
}

async function giveUp(video: ClaimedVideo, error: string): Promise<SyncOutcome> {
  const { applied } = await applyStatusChange(video.id, { status: "FAILED", error });
  return applied ? "given_up" : "unchanged";
}

/** HeyGen's answer, or null when HeyGen could not give one (logged); anything else is a bug, thrown. */
async function ask<T>(question: () => Promise<T>, context: object, about: string): Promise<T | null> {
  try {
    return await question();
  } catch (error) {
    const failure = classifyHeygenFailure(error);
    if (!failure) throw error;
    logger.warn({ ...context, kind: failure.kind, err: failure.message }, `could not ask HeyGen about ${about}`);
    return null;
  }
}
