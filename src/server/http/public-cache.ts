import "server-only";

/**
 * How long caches may keep a public answer about a video: its status, captions, thumbnail redirect and oEmbed. Any
 * video can be deleted, and is then gone from every route at once, but a copy a browser or a CDN already holds lives
 * on until it expires and cannot be recalled: so nothing about a video is cached for long, and nothing is `immutable`.
 * (Versioned URLs would let unchanging content be cached for ever, but a deleted video's old URL lives on all the same.
 * The stored files' content-addressed `/media` URLs are that exception, by choice: src/server/media/media-response.ts.)
 */
export const BROWSER_MAX_AGE_S = 60;
/** Shared caches (a CDN): a deleted video leaves them within this many seconds. */
export const SHARED_MAX_AGE_S = 300;

/**
 * Cache-Control for a public answer about a video, never cached past `budgetSeconds` (when the presigned URLs in it
 * stop working); `no-store` once there is no budget left.
 */
export function publicVideoCacheControl(budgetSeconds = Infinity): string {
  const budget = Math.floor(budgetSeconds);
  if (budget <= 0) return "no-store";
  return `public, max-age=${Math.min(BROWSER_MAX_AGE_S, budget)}, s-maxage=${Math.min(SHARED_MAX_AGE_S, budget)}`;
}
