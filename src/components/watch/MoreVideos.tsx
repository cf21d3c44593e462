import { VideoCard } from "@/components/gallery/VideoCard";
import type { PublicVideo } from "@/lib/video";

/** Under a watch page: a few other finished videos, as the gallery's cards. Nothing when there are none. */
export function MoreVideos({ videos }: { videos: PublicVideo[] }) {
  if (videos.length === 0) return null;
  return (
    <section aria-labelledby="more-videos-heading" className="pt-4">
      <h2 id="more-videos-heading" className="text-lg font-semibold">
        More videos
      </h2>
      <ul className="mt-4 grid gap-x-6 gap-y-8 sm:grid-cols-2 lg:grid-cols-3">
        {videos.map((video) => (
          <li key={video.id}>
            <VideoCard video={video} />
          </li>
        ))}
      </ul>
    </section>
  );
}
