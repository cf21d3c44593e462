import { VideoCard } from "@/components/VideoCard";
import { listVideos } from "@/server/videos/queries";

// Always read the database at request time: new videos appear without a rebuild.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const videos = await listVideos({ includeUnfinished: false });
  return (
    <section>
      <h1 className="text-2xl font-semibold">Videos</h1>
      {videos.length === 0 ? (
        <p className="mt-6 text-slate-600">No videos yet. An admin can generate the first one.</p>
      ) : (
        <ul className="mt-6 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
          {videos.map((video) => (
            <li key={video.id}>
              <VideoCard video={video} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
