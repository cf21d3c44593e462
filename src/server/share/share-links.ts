import "server-only";

/** How the site names itself to other sites (oEmbed's provider_name, og:site_name). */
export const SITE_NAME = "Avatar Studio";

/** Absolute URLs other sites keep for a video: none of them expires, unlike HeyGen's presigned media URLs. */
export const shareLinks = (origin: string, videoId: string) => {
  const watch = `${origin}/videos/${videoId}`;
  return {
    watch,
    embed: `${origin}/embed/${videoId}`,
    thumbnail: `${origin}/api/videos/${videoId}/thumbnail`,
    oEmbed: `${origin}/api/oembed?${new URLSearchParams({ url: watch })}`,
  };
};
