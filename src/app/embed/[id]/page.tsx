import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { VideoPlayer } from "@/components/watch/VideoPlayer";
import { VisibilityBand } from "@/components/watch/VisibilityBand";
import { initialLanguageFor, pageVideo, videoForPage } from "@/server/watch/video-for-page";

export async function generateMetadata({ params }: PageProps<"/embed/[id]">): Promise<Metadata> {
  const video = await videoForPage((await params).id);
  // The watch page is the one to index; this is its player alone, inside other sites' pages.
  return { title: video?.title ?? "Video not found", description: video?.description, robots: { index: false } };
}

/**
 * The player alone, for other sites' iframes (the only page they may frame, see next.config.ts): no header, black
 * around the video, and the title as a link to the watch page in a new tab.
 */
export default async function EmbedPage({ params, searchParams }: PageProps<"/embed/[id]">) {
  const page = await pageVideo((await params).id, false);
  if (!page) notFound();
  const { row, video } = page;
  // The language menu takes the top right corner: the title leaves it room.
  const menu = (video.languages?.length ?? 0) > 1;
  // Tests render the page with its params alone.
  const language = await initialLanguageFor(video, (await (searchParams as typeof searchParams | undefined))?.lang);
  return (
    <main className="fixed inset-0 flex items-center justify-center bg-black">
      <VideoPlayer initialVideo={video} initialLanguage={language} variant="embed" />
      <div className="absolute top-11 right-2 left-2">
        <VisibilityBand video={row} />
      </div>
      <a
        href={`/videos/${video.id}`}
        target="_blank"
        rel="noopener"
        className={`absolute top-2 left-2 ${menu ? "max-w-[calc(100%-14rem)]" : "max-w-[calc(100%-1rem)]"} truncate rounded bg-black/75 px-2 py-1 text-sm font-medium text-white hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white`}
      >
        {video.title}
        <span className="sr-only"> (opens in a new tab)</span>
      </a>
    </main>
  );
}
