import type { Metadata } from "next";
import { publicOrigin } from "@/server/http/public-origin";
import { shareMetadata } from "@/server/share/share-metadata";
import { videoForPage } from "@/server/watch/video-for-page";

export async function generateMetadata({ params }: LayoutProps<"/videos/[id]">): Promise<Metadata> {
  const video = await videoForPage((await params).id);
  return shareMetadata(video, publicOrigin());
}

export default function WatchLayout({ children }: LayoutProps<"/videos/[id]">) {
  return children;
}
