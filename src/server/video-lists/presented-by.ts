import "server-only";
import type { PresentedBy } from "@/lib/video";
import { cachedCatalogue } from "@/server/catalogue/heygen-catalogue";
import { db } from "@/server/db";

/** What a video row needs for it: its look, and its presenter's name and look (include PRESENTER_FIELDS). */
export type PresentedRow = { avatarId: string; presenter: { name: string; avatarId: string } | null };

/** `include` for a video query whose rows go to presentedByOf. */
export const PRESENTER_FIELDS = { presenter: { select: { name: true, avatarId: true } } } as const;

/**
 * Who presents each video of a page: its presenter's name (always) with its look's picture, or else its look's name
 * and picture. Looks come from HeyGen's catalogue only while one is cached: a page view never asks HeyGen (its lists
 * are long and rate-limited), so a look not at hand shows nothing rather than a wait.
 */
export function presentedByOf(): (row: PresentedRow) => PresentedBy | null {
  const looks = new Map(cachedCatalogue()?.looks.map((look) => [look.id, look]));
  const pictureOf = (lookId: string) => looks.get(lookId)?.previewImageUrl ?? null;
  return ({ avatarId, presenter }) => {
    if (presenter) return { name: presenter.name, imageUrl: pictureOf(presenter.avatarId) };
    const look = looks.get(avatarId);
    return look ? { name: look.name, imageUrl: look.previewImageUrl } : null;
  };
}

/** Who presents one video (its watch page), as presentedByOf says; null for no such video. */
export async function presentedByOfVideo(id: string): Promise<PresentedBy | null> {
  const row = await db.video.findUnique({ where: { id }, select: { avatarId: true, ...PRESENTER_FIELDS } });
  return row && presentedByOf()(row);
}
