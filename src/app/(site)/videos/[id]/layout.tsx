import type { Metadata } from "next";
import { WatchPlayerProvider } from "@/components/watch/player-context";
import { publicOrigin } from "@/server/http/public-origin";
import { shareMetadata } from "@/server/share/share-metadata";
import { videoForPage } from "@/server/watch/video-for-page";

export async function generateMetadata({ params }: LayoutProps<"/videos/[id]">): Promise<Metadata> {
  const video = await videoForPage((await params).id);
  return shareMetadata(video, publicOrigin());
}

/** The page's player is shared by the parts that drive it (the transcript seeks it). */
export default function WatchLayout({ children }: LayoutProps<"/videos/[id]">) {
  return <WatchPlayerProvider>{children}</WatchPlayerProvider>;
}
