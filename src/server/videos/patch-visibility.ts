import "server-only";
import type { Video } from "@/generated/prisma/client";
import { NOT_SCHEDULABLE, SCHEDULABLE, type VisibilityPatch } from "@/lib/publish-input";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { schedulePublish } from "./scheduled-publish";
import { isVideoId } from "./video-id";
import { changeVisibility, TRANSLATION_FOLLOWS_SOURCE } from "./visibility";

/**
 * PATCH /api/admin/videos/{id}: what the request names, over what the video has. Making it a draft or private drops
 * its schedule (a draft is published by an admin's decision, not a date); a schedule kept or set must suit the
 * visibility, else a 400 naming publishAt. A translation follows its source (409). Null when there is no such video.
 */
export async function patchVisibility(id: string, patch: VisibilityPatch): Promise<Video | null> {
  if (!isVideoId(id)) return null;
  const current = await db.video.findUnique({
    where: { id },
    select: { visibility: true, publishAt: true, sourceVideoId: true },
  });
  if (!current) return null;
  if (current.sourceVideoId) throw new AppError("conflict", TRANSLATION_FOLLOWS_SOURCE);
  const visibility = patch.visibility ?? current.visibility;
  const schedulable = SCHEDULABLE.includes(visibility);
  if (patch.publishAt && !schedulable) {
    throw new AppError("invalid_input", `publishAt ${NOT_SCHEDULABLE}.`, { field: "publishAt" });
  }
  const publishAt = patch.publishAt !== undefined ? patch.publishAt : schedulable ? current.publishAt : null;
  const changed = await changeVisibility(id, { visibility, publishAt });
  if (changed) await schedulePublish(id, changed.publishAt);
  return changed;
}
