/**
 * The same-origin download of a finished video's MP4 (`Content-Disposition: attachment`, named after its title): a
 * browser honours `download` only on its own origin, never on HeyGen's or a bucket's.
 */
export const mediaDownloadUrl = (videoId: string) => `/media/${videoId}/download`;
