import "server-only";
import type { AspectRatio } from "@/lib/video-format";
import { embedSize } from "./embed-size";
import { shareLinks } from "./share-links";

type Embeddable = { id: string; title: string; aspectRatio: AspectRatio };

/**
 * The iframe other sites paste: oEmbed's `html` and the watch page's Embed code are this one snippet, sized to fit
 * the bounds (the oEmbed consumer's; none on the watch page).
 */
export function embedCode(
  origin: string,
  video: Embeddable,
  bounds: { maxWidth?: number; maxHeight?: number } = {},
): { html: string; width: number; height: number } {
  const { width, height } = embedSize(video.aspectRatio, bounds);
  const html =
    `<iframe src="${attribute(shareLinks(origin, video.id).embed)}" width="${attribute(width)}" ` +
    `height="${attribute(height)}" frameborder="0" allow="autoplay; fullscreen; picture-in-picture" allowfullscreen ` +
    `title="${attribute(video.title)}"></iframe>`;
  return { html, width, height };
}

/**
 * A value for a double-quoted HTML attribute: consumers paste the snippet into their pages as is, so every value in
 * it is escaped, the app's own URLs included.
 */
const attribute = (value: string | number) => String(value).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
