import "server-only";
import { Prisma, type Video } from "@/generated/prisma/client";
import type { VideoStatus } from "@/generated/prisma/enums";
import { db as defaultDb, isUniqueViolation, type Db } from "@/server/db";
import { mediaAssignments, type RenderMedia } from "./render-media";
import { publishedAtOnceVisible } from "./visibility";

/**
 * The video state machine: PENDING → PROCESSING → COMPLETED | FAILED, and PENDING → COMPLETED | FAILED
 * (a webhook can overtake our own bookkeeping). Terminal states never change.
 */
const ALLOWED_FROM: Record<VideoStatus, VideoStatus[]> = {
  PENDING: [],
  PROCESSING: ["PENDING"],
  COMPLETED: ["PENDING", "PROCESSING"],
  FAILED: ["PENDING", "PROCESSING"],
};

export type StatusChange =
  | { status: "PROCESSING"; heygenVideoId: string }
  | { status: "COMPLETED"; heygenVideoId?: string; media: RenderMedia }
  | { status: "FAILED"; heygenVideoId?: string; error: string };

export type TransitionResult = { applied: boolean; video: Video | null };

/**
 * The one function that changes a video's status. It applies the change only if the state machine allows it,
 * as one conditional UPDATE, so concurrent or repeated events (duplicate webhooks, a webhook racing the
 * generate request, a reconciliation) apply at most once. A change naming a HeyGen id applies only to the row
 * tied to that id, or to a row with no id yet, which records it even when the change itself is refused. Pass a
 * transaction's client to make it part of the transaction. One raw statement: a fraction of the query builder's CPU.
 */
export async function applyStatusChange(
  videoId: string,
  change: StatusChange,
  db: Db = defaultDb,
): Promise<TransitionResult> {
  try {
    const [row] = await db.$queryRaw<Array<Video & { applied: boolean }>>`
      WITH ${statusChangeCtes(Prisma.sql`${videoId}`, change, new Date())}
      SELECT *, TRUE AS "applied" FROM status_change
      UNION ALL SELECT *, FALSE FROM heygen_id_recorded
      UNION ALL SELECT *, FALSE FROM "Video"
        WHERE "id" = ${videoId} AND NOT EXISTS (SELECT 1 FROM status_change) AND NOT EXISTS (SELECT 1 FROM heygen_id_recorded)`;
    if (!row) return { applied: false, video: null };
    const { applied, ...video } = row;
    return { applied, video };
  } catch (error) {
    // Another row took this HeyGen id meanwhile (a true race): keep the first owner; this change applies to nothing.
    if (!isUniqueViolation(error)) throw error;
    const [video] = await db.$queryRaw<Video[]>`SELECT * FROM "Video" WHERE "id" = ${videoId}`;
    return { applied: false, video: video ?? null };
  }
}

/**
 * applyStatusChange as two data-modifying CTEs of one statement: `status_change`, the conditional UPDATE … RETURNING *
 * (a row when the change applied), and `heygen_id_recorded` (a refused change naming a HeyGen id still records it on
 * a row that has none: say, a create answer arriving after a webhook without a video id finished the row; knowing
 * HeyGen's id confirms a job whose create answer was lost). `videoId` is SQL that yields the row's id. Also used as
 * part of the signed webhook's one statement, with its event id and delivery log row. The NOT EXISTS keeps a unique
 * violation out of all but a true race. Triggers on the row (docs/triggers.md): "video_updated" tells every instance,
 * and "Video_release_batch_key_on_failure" frees a batch pair's live key when the video becomes FAILED;
 * "Video_outgoing_events" writes video.completed / video.failed (and video.published) to the outgoing webhooks' outbox.
 */
export function statusChangeCtes(videoId: Prisma.Sql, change: StatusChange, now: Date): Prisma.Sql {
  const allowed = Prisma.join(ALLOWED_FROM[change.status].map((status) => Prisma.sql`${status}::"VideoStatus"`));
  const heygenId = change.heygenVideoId;
  const takesHeygenId = Prisma.sql`"heygenVideoId" IS NULL AND NOT EXISTS (SELECT 1 FROM "Video" WHERE "heygenVideoId" = ${heygenId})`;
  const set = [
    Prisma.sql`"status" = ${change.status}::"VideoStatus"`,
    Prisma.sql`"updatedAt" = ${now}`,
    ...assignments(change, now),
    ...(heygenId ? [Prisma.sql`"heygenVideoId" = ${heygenId}`, Prisma.sql`"unconfirmedReason" = NULL`] : []),
  ];
  return Prisma.sql`
    status_change AS (
      UPDATE "Video" SET ${Prisma.join(set)}
      WHERE "id" = ${videoId} AND "status" IN (${allowed})
        ${heygenId ? Prisma.sql`AND ("heygenVideoId" = ${heygenId} OR (${takesHeygenId}))` : Prisma.empty}
      RETURNING *
    ),
    heygen_id_recorded AS (
      UPDATE "Video" SET "heygenVideoId" = ${heygenId ?? null}, "unconfirmedReason" = NULL, "updatedAt" = ${now}
      WHERE ${heygenId ? Prisma.sql`"id" = ${videoId} AND ${takesHeygenId}` : Prisma.sql`FALSE`}
        AND NOT EXISTS (SELECT 1 FROM status_change)
      RETURNING *
    )`;
}

/** What a change writes besides its status; media it does not name keep what the row has. */
function assignments(change: StatusChange, now: Date): Prisma.Sql[] {
  switch (change.status) {
    case "PROCESSING":
      return [];
    case "FAILED":
      return [Prisma.sql`"error" = ${change.error}`, Prisma.sql`"completedAt" = ${now}`];
    case "COMPLETED":
      // An unfinished row holds no media of its own: the expiry is that of the change's URLs.
      // A public or unlisted video with no publish moment still to come is published as it completes.
      return [
        ...mediaAssignments(change.media, now),
        Prisma.sql`"error" = NULL`,
        Prisma.sql`"completedAt" = ${now}`,
        Prisma.sql`"publishedAt" = ${publishedAtOnceVisible(Prisma.sql`"visibility"`, Prisma.sql`"publishAt"`, now)}`,
      ];
  }
}
