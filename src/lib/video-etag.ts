import type { PublicVideo } from "./video";

/**
 * The ETag of a video as the API serves it: a hash of its JSON. The server sends it; the player computes the same
 * from the video its page was rendered with, so its very first request can already be a conditional long-poll.
 * (cyrb53: fast and good enough to tell two versions of one video apart; not a security measure.)
 */
export function videoEtag(video: PublicVideo): string {
  return etagOfJson(JSON.stringify(video));
}

export function etagOfJson(json: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `"${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}"`;
}

/** How long a viewer's long-poll may be held, in seconds (the API refuses more). */
export const LONG_POLL_MAX_SECONDS = 25;
