import type { Metadata } from "next";
import { getVideo } from "./get-video";

export async function generateMetadata({ params }: LayoutProps<"/videos/[id]">): Promise<Metadata> {
  const video = await getVideo((await params).id);
  return { title: video?.title ?? "Video not found" };
}

export default function WatchLayout({ children }: LayoutProps<"/videos/[id]">) {
  return children;
}
