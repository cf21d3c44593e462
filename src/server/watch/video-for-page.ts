import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { toPublicVideo, type PublicVideo } from "@/lib/video";
import { initialLanguageId } from "@/lib/viewer-languages";
import { isAdminSession } from "@/server/auth/session";
import { storedMediaUrls } from "@/server/media/served-media";
import { findVideo } from "./find-video";
import type { CachedVideo } from "./video-cache";
import { viewerLanguages } from "./viewer-languages";

/** One query per request, shared by a page and its metadata (watch page, embed); admins see every video. */
export const videoForPage = cache((id: string) => findVideo(id, { admin: isAdminSession }));

export type PageVideo = {
  row: CachedVideo;
  /** As its status JSON has it for `admin` or a viewer (the same ETag), with its language menu. */
  video: PublicVideo;
};

/**
 * The video a watch page or embed shows, as its player's long-poll will see it, for an admin (every finished
 * translation, HeyGen's own failure message) or a viewer (metadata, the embed); null: 404. Once per request.
 */
export const pageVideo = cache(async (id: string, admin: boolean): Promise<PageVideo | null> => {
  const row = await videoForPage(id);
  if (!row) return null;
  const media = storedMediaUrls(row);
  const { languages } = await viewerLanguages(row, media, row.translations, admin);
  return { row, video: toPublicVideo(row, { admin }, media, languages) };
});

/**
 * The language a page opens in (issue 19): `?lang=` when it names a finished translation (or "original"), else the
 * one the viewer's Accept-Language prefers, else the original. The page is rendered per request (the root layout
 * reads the request), so no cache hands one viewer's language to another.
 */
export async function initialLanguageFor(video: PublicVideo, lang: string | string[] | undefined): Promise<string> {
  const param = typeof lang === "string" ? lang : null;
  return initialLanguageId(video.id, video.languages ?? [], param, (await headers()).get("accept-language"));
}
