import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { isVideoId } from "@/server/videos/video-id";

/**
 * Where a newest-first page of videos ends: the (createdAt, id) of its last video, opaque to clients. Pages that
 * carry on from it neither skip nor repeat videos that share a timestamp, and videos made meanwhile never shift them.
 */
export type VideoCursor = { createdAt: Date; id: string };

/** The order cursors follow: newest first, ties broken by id. */
export const NEWEST_FIRST: Prisma.VideoOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];

export const encodeCursor = ({ createdAt, id }: VideoCursor): string =>
  Buffer.from(`${createdAt.toISOString()}_${id}`).toString("base64url");

/** Null for anything this app did not give out. */
export function decodeCursor(text: string): VideoCursor | null {
  const [iso = "", id = "", ...rest] = Buffer.from(text, "base64url").toString().split("_");
  const createdAt = new Date(iso);
  return rest.length === 0 && isVideoId(id) && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : null;
}

/** The videos after the cursor in NEWEST_FIRST order. */
export const olderThan = ({ createdAt, id }: VideoCursor): Prisma.VideoWhereInput => ({
  OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }],
});
