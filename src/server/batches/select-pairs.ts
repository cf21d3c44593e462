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
      include: { batchItems: { where: { liveKey: { not: null } }, select: { presenterId: true } } },
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
