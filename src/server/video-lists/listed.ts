import "server-only";
import type { Prisma } from "@/generated/prisma/client";

/**
 * `isListed` (src/lib/visibility.ts) as a query: public, and its publish moment, if any, has come; never a translation
 * (issue 19: a variant is offered in its source's language menu, not listed on its own). Lists ask the
 * database for exactly these rows, so a page is always full and never leaks a hidden video through its count or
 * cursor. Keep the two in step (tests/integration/visibility-lists.test.ts holds them together).
 */
export const listedAt = (now = new Date()): Prisma.VideoWhereInput => ({
  visibility: "PUBLIC",
  sourceVideoId: null,
  OR: [{ publishAt: null }, { publishAt: { lte: now } }],
});
