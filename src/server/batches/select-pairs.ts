import "server-only";
import type { PlanScript, Presenter } from "@/generated/prisma/client";
import type { BatchError, BatchSelection } from "@/lib/batch";
import { storedOptions } from "@/lib/generation-options";
import type { CreateVideoInput } from "@/lib/video-input";
import type { AspectRatio, Resolution } from "@/lib/video-format";
import { db } from "@/server/db";
import { dateToDay, dayToDate } from "@/server/plan/preview-plan";

/** One video the plan asks for: a script said by a presenter. */
export type Pair = { script: PlanScript; presenter: Presenter };

/** The unique key of a pair while it has a live batch item (BatchItem.liveKey). */
export const liveKeyOf = (planScriptId: string, presenterId: string) => `${planScriptId}:${presenterId}`;

/** A pair's video translated into one of its presenter's languages (issue 19): one batch item of its own. */
export type Translation = Pair & { language: string };

/** The live key of a pair's translation into `language` (BatchItem.liveKey of an item with that language). */
export const translationKeyOf = (planScriptId: string, presenterId: string, language: string) =>
  `${liveKeyOf(planScriptId, presenterId)}:${language}`;

/**
 * Every (script, presenter) pair a selection covers: a script for a presenter, or a script for a tag said by every
 * active presenter carrying it; narrowed to the selection's tag (scripts for that tag, and scripts for a presenter
 * carrying it) or presenters. A pair with a live item (made or on its way) stays covered whatever happened to the
 * presenter since (deactivated, tag removed): it is skipped, never "cannot be made". Scripts with nothing live that
 * cannot be made (their presenter is inactive, no active presenter carries their tag) are errors, not pairs.
 */
export async function selectPairs({
  month,
  tag,
  presenterIds,
}: BatchSelection): Promise<{ pairs: Pair[]; errors: BatchError[] }> {
  const start = dayToDate(`${month}-01`);
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  const [scripts, presenters] = await Promise.all([
    db.planScript.findMany({
      where: { date: { gte: start, lt: end } },
      orderBy: [{ date: "asc" }, { title: "asc" }, { id: "asc" }],
      // The pair's own live item (not a translation's) keeps it covered.
      include: { batchItems: { where: { liveKey: { not: null }, language: null }, select: { presenterId: true } } },
    }),
    db.presenter.findMany({ orderBy: { name: "asc" } }),
  ]);
  const chosen = (presenter: Presenter) => !presenterIds?.length || presenterIds.includes(presenter.id);
  const pairs: Pair[] = [];
  const errors: BatchError[] = [];
  const fail = (script: PlanScript, message: string) =>
    errors.push({ planScriptId: script.id, date: dateToDay(script.date), title: script.title, message });

  for (const { batchItems, ...script } of scripts) {
    const live = new Set(batchItems.map((item) => item.presenterId));
    if (script.presenterId) {
      const presenter = presenters.find((candidate) => candidate.id === script.presenterId)!;
      if (!chosen(presenter) || (tag && !presenter.tags.includes(tag))) continue;
      if (presenter.active || live.has(presenter.id)) pairs.push({ script, presenter });
      else fail(script, `${presenter.name} is inactive: activate the presenter to make this video.`);
      continue;
    }
    if (tag && script.tag !== tag) continue;
    const sayers = presenters.filter(
      (presenter) => live.has(presenter.id) || (presenter.active && presenter.tags.includes(script.tag!)),
    );
    if (sayers.length === 0) fail(script, `No active presenter carries #${script.tag}.`);
    for (const presenter of sayers.filter(chosen)) pairs.push({ script, presenter });
  }
  return { pairs, errors };
}

/** The pairs of `pairs` with no live batch item: what "Generate what is missing" would queue. */
export async function missingPairs(pairs: Pair[]): Promise<Pair[]> {
  const keys = pairs.map((pair) => liveKeyOf(pair.script.id, pair.presenter.id));
  const live = await db.batchItem.findMany({ where: { liveKey: { in: keys } }, select: { liveKey: true } });
  const taken = new Set(live.map((item) => item.liveKey));
  return pairs.filter((pair) => !taken.has(liveKeyOf(pair.script.id, pair.presenter.id)));
}

/**
 * Every pair's translations into its presenter's languages (as the presenter carries them now) that have no live item:
 * what "Generate what is missing" would queue besides the videos, made or missing alike. Also how many are live.
 */
export async function missingTranslations(pairs: Pair[]): Promise<{ missing: Translation[]; skipped: number }> {
  const wanted = pairs.flatMap((pair) => pair.presenter.languages.map((language) => ({ ...pair, language })));
  const keyOf = ({ script, presenter, language }: Translation) => translationKeyOf(script.id, presenter.id, language);
  const live = await db.batchItem.findMany({
    where: { liveKey: { in: wanted.map(keyOf) } },
    select: { liveKey: true },
  });
  const taken = new Set(live.map((item) => item.liveKey));
  const missing = wanted.filter((translation) => !taken.has(keyOf(translation)));
  return { missing, skipped: wanted.length - missing.length };
}

/** Who may see a batch's video, and from when (see publishingOf in claim-item.ts). */
export type Publishing = Pick<CreateVideoInput, "visibility" | "publishAt">;

/**
 * What HeyGen is asked to make for a pair: the script, in the presenter's look, voice, format and options; and who
 * may see it once made (a draft awaiting review, or public at its plan moment).
 */
export function videoInputOf({ script, presenter }: Pair, { visibility, publishAt }: Publishing): CreateVideoInput {
  return {
    title: script.title,
    script: script.script,
    // Plan scripts carry no description.
    description: null,
    avatarId: presenter.avatarId,
    voiceId: presenter.voiceId,
    aspectRatio: presenter.aspectRatio as AspectRatio,
    resolution: presenter.resolution as Resolution,
    options: storedOptions(presenter.options),
    presenterId: presenter.id,
    visibility,
    publishAt,
  };
}
