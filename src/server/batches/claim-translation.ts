import "server-only";
import type { BatchItem, Video } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { insertVariant, variantKeyOf } from "@/server/translations/variants";
import { changeItemStatus } from "./item-status";
import { liveKeyOf } from "./select-pairs";

/**
 * A plan translation (issue 19) is a batch item with a language: the pair's video re-voiced into it. It is sent only
 * once that video is completed; these decide, inside the claim's transaction (src/server/batches/claim-item.ts),
 * whether its video is ready, whether it will never be, and record its variant.
 */

/** The translation's video: completed (ready to translate), still on its way, or never to be made (and why). */
export type SourceState = { kind: "ready"; video: Video } | { kind: "wait" } | { kind: "gone"; reason: string };

type PairOf = Pick<BatchItem, "planScriptId" | "presenterId">;

/**
 * The pair's live video item (whichever batch queued it) and its video. None live: the video failed, was cancelled,
 * rejected in review or deleted (the key-release triggers, docs/triggers.md), so the translation has nothing to wait
 * for; its reason names which, from the pair's latest item.
 */
export async function sourceOf(pair: PairOf, tx: Db): Promise<SourceState> {
  const live = await tx.batchItem.findUnique({
    where: { liveKey: liveKeyOf(pair.planScriptId, pair.presenterId) },
    select: { video: true },
  });
  if (live?.video?.status === "COMPLETED") return { kind: "ready", video: live.video };
  if (live && live.video?.status !== "FAILED") return { kind: "wait" };
  const latest = await tx.batchItem.findFirst({
    where: { planScriptId: pair.planScriptId, presenterId: pair.presenterId, language: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { status: true, video: { select: { status: true, rejectedAt: true } } },
  });
  return { kind: "gone", reason: goneReason(latest) };
}

type Latest = { status: string; video: { status: string; rejectedAt: Date | null } | null } | null;

function goneReason(latest: Latest): string {
  const why = latest?.video?.rejectedAt
    ? "was rejected in review"
    : latest?.status === "FAILED" || latest?.video?.status === "FAILED"
      ? "failed"
      : latest?.status === "CANCELLED"
        ? "was cancelled"
        : "was deleted";
  return `Not translated: the video to translate ${why}. "Generate what is missing" makes it again, then its translations.`;
}

/** The translation's video will not be made: the item fails unsent, its key released (trigger BatchItem_release_key). */
export async function failUnsent(item: Pick<BatchItem, "id" | "attempts">, reason: string, tx: Db): Promise<void> {
  await changeItemStatus({ id: item.id }, { status: "FAILED", attempts: item.attempts, error: reason }, tx);
}

/** The language's live variant of `source`, made from the admin page or by another path; null when there is none. */
export const liveVariant = (source: Pick<Video, "id">, language: string, tx: Db) =>
  tx.video.findUnique({ where: { variantKey: variantKeyOf(source.id, language) } });

/**
 * The item takes an existing live variant as its own instead of making another: claimed and sent at once (the
 * variant's own status tells the rest). False when the variant is already some other item's (that item tells it).
 */
export async function linkVariant(itemId: string, variant: Video, tx: Db): Promise<boolean> {
  const owner = await tx.batchItem.findUnique({ where: { videoId: variant.id }, select: { id: true } });
  if (owner) return false;
  if (!(await changeItemStatus({ id: itemId }, { status: "SUBMITTING", videoId: variant.id }, tx))) return false;
  await changeItemStatus({ id: itemId }, { status: "SENT" }, tx);
  return true;
}

/** How a plan translation is asked for: HeyGen's speed mode, with captions in the language (the watch page shows them). */
export const PLAN_TRANSLATION = { mode: "speed", captions: true } as const;

/** Records the PENDING variant the item will send (null: the language went live meanwhile, by another path). */
export const recordVariant = (source: Video, language: string, tx: Db) =>
  insertVariant(source, language, { ...PLAN_TRANSLATION }, tx);
