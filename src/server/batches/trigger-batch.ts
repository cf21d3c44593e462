import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { BatchPreview, BatchRequest, BatchSelection, BatchTriggerResult } from "@/lib/batch";
import { costOfSeconds, spokenSeconds } from "@/lib/cost";
import { storedOptions } from "@/lib/generation-options";
import { translationCost } from "@/lib/translations";
import { db } from "@/server/db";
import { dateToDay } from "@/server/plan/preview-plan";
import { heygenApiKey, heygenNotConfigured } from "@/server/settings/credentials";
import { enqueueItems } from "./queue";
import { liveKeyOf, missingPairs, missingTranslations, selectPairs, translationKeyOf, type Pair } from "./select-pairs";

/** The estimated spoken seconds of a pair's video: its script at its presenter's voice speed. */
const secondsOf = ({ script, presenter }: Pair) =>
  spokenSeconds(script.script, storedOptions(presenter.options).voiceSpeed);

const previewOf = ({ script, presenter }: Pair) => ({
  planScriptId: script.id,
  presenterId: presenter.id,
  date: dateToDay(script.date),
  title: script.title,
  presenterName: presenter.name,
});

/**
 * What a selection would make now, and its estimated spoken length and cost, before anything is queued: the missing
 * videos, and apart, the missing translations into the presenters' languages (priced at HeyGen's speed mode, per
 * second of the video translated).
 */
export async function previewBatch(selection: BatchSelection): Promise<BatchPreview> {
  const { pairs, errors } = await selectPairs(selection);
  const [missing, translations] = await Promise.all([missingPairs(pairs), missingTranslations(pairs)]);
  const seconds = missing.reduce((sum, pair) => sum + secondsOf(pair), 0);
  const translationSeconds = translations.missing.reduce((sum, translation) => sum + secondsOf(translation), 0);
  return {
    missing: missing.length,
    seconds,
    costUsd: costOfSeconds(seconds),
    skipped: pairs.length - missing.length,
    errors,
    videos: missing.map(previewOf),
    translations: translations.missing.map((translation) => ({
      ...previewOf(translation),
      language: translation.language,
    })),
    translationCostUsd: translationCost(translationSeconds, 1, "speed"),
    translationsSkipped: translations.skipped,
  };
}

/**
 * Queues every missing pair of the selection as one batch, reviewed (drafts until approved) or not (public at their
 * plan moments) as the request says, and every missing translation of the selection's pairs (made or not) into their
 * presenters' languages: an item each, sent once its pair's video is completed. The unique live keys decide between triggers racing each other (two
 * tabs, two admins, a retried automation call): each pair is inserted by one of them at most (ON CONFLICT DO
 * NOTHING), and a trigger that inserted nothing leaves no batch behind.
 */
export async function triggerBatch(
  { review, ...selection }: BatchRequest,
  requestedBy: "admin" | "api",
): Promise<BatchTriggerResult> {
  // As for one video: nothing is queued that could not be sent.
  if (!(await heygenApiKey())) throw heygenNotConfigured();
  const { pairs, errors } = await selectPairs(selection);
  const [candidates, translations] = await Promise.all([missingPairs(pairs), missingTranslations(pairs)]);
  const wantedTranslations = translations.missing.length + translations.skipped;
  if (candidates.length + translations.missing.length === 0)
    return {
      batchId: null,
      queued: 0,
      skipped: pairs.length,
      translations: { queued: 0, skipped: wantedTranslations },
      errors,
    };

  const queued = await db.$transaction(async (tx) => {
    const batch = await tx.batch.create({
      data: {
        month: selection.month,
        tag: selection.tag ?? null,
        presenterIds: selection.presenterIds ?? [],
        requestedBy,
        review,
      },
    });
    const row = (script: { id: string }, presenter: { id: string }, language: string | null, key: string) =>
      Prisma.sql`(${randomUUID()}, ${batch.id}, ${script.id}, ${presenter.id}, ${language}, ${key}, now())`;
    const rows = [
      ...candidates.map(({ script, presenter }) => row(script, presenter, null, liveKeyOf(script.id, presenter.id))),
      // After the videos: a translation's job only waits for its video, so the videos' jobs go first.
      ...translations.missing.map(({ script, presenter, language }) =>
        row(script, presenter, language, translationKeyOf(script.id, presenter.id, language)),
      ),
    ];
    // Trigger "BatchItem_release_key" (docs/triggers.md) runs on insert too: a QUEUED item keeps its key.
    const inserted = await tx.$queryRaw<Array<{ id: string; language: string | null }>>`
      INSERT INTO "BatchItem" ("id", "batchId", "planScriptId", "presenterId", "language", "liveKey", "updatedAt")
      VALUES ${Prisma.join(rows)}
      ON CONFLICT ("liveKey") DO NOTHING
      RETURNING "id", "language"`;
    if (inserted.length === 0) await tx.batch.delete({ where: { id: batch.id } });
    return { batchId: inserted.length ? batch.id : null, inserted };
  });

  // After the commit: a job for an item that is not there yet would find nothing. Should this process die right
  // here, the queue's sweep (every minute) enqueues the batch's items.
  await enqueueItems(queued.inserted.map((item) => item.id));
  const videos = queued.inserted.filter((item) => item.language === null).length;
  const translated = queued.inserted.length - videos;
  return {
    batchId: queued.batchId,
    queued: videos,
    skipped: pairs.length - videos,
    translations: { queued: translated, skipped: wantedTranslations - translated },
    errors,
  };
}
