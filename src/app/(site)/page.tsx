import { GalleryPagination } from "@/components/gallery/GalleryPagination";
import { VideoCard } from "@/components/gallery/VideoCard";
import { galleryPage } from "@/server/video-lists/gallery";

// Always read the database at request time: new videos appear without a rebuild.
export const dynamic = "force-dynamic";

/** The public gallery: finished videos, newest first, a page at a time (`?before=<cursor>`). Plain HTML, no client code. */
export default async function HomePage({ searchParams }: PageProps<"/">) {
  const { before } = await searchParams;
  const cursor = typeof before === "string" ? before : null;
  const { videos, olderCursor } = await galleryPage(cursor);
  return (
    <section>
      <h1 className="text-2xl font-semibold">Videos</h1>
      {videos.length === 0 ? (
        <EmptyGallery laterPage={cursor !== null} />
      ) : (
        <ul className="mt-6 grid gap-x-6 gap-y-8 sm:grid-cols-2 lg:grid-cols-3">
          {videos.map((video) => (
            <li key={video.id}>
              <VideoCard video={video} />
            </li>
          ))}
        </ul>
      )}
      <GalleryPagination showNewest={cursor !== null} olderCursor={olderCursor} />
    </section>
  );
}

function EmptyGallery({ laterPage }: { laterPage: boolean }) {
  return (
    <div className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
      <p className="text-lg font-medium">{laterPage ? "No older videos" : "No videos yet"}</p>
      <p className="mt-2 text-slate-600">
        {laterPage
          ? "You have reached the first video ever made here."
          : "Finished videos appear here. An admin can generate the first one."}
      </p>
    </div>
  );
}
