import type { Metadata } from "next";
import { WatchPlayerProvider } from "@/components/watch/player-context";
import { publicOrigin } from "@/server/http/public-origin";
import { shareMetadata } from "@/server/share/share-metadata";
import { pageVideo } from "@/server/watch/video-for-page";

export async function generateMetadata({ params }: LayoutProps<"/videos/[id]">): Promise<Metadata> {
  const page = await pageVideo((await params).id, false);
  return shareMetadata(page?.row ?? null, publicOrigin(), page?.video.languages);
}

/** The page's player is shared by the parts that drive it (the transcript seeks it and follows its language). */
export default function WatchLayout({ children }: LayoutProps<"/videos/[id]">) {
  return <WatchPlayerProvider>{children}</WatchPlayerProvider>;
}
