import { notFound } from "next/navigation";
import { LiveStatusBadge } from "@/components/LiveStatusBadge";
import { VideoEvents } from "@/components/VideoEvents";
import { VideoPlayer } from "@/components/VideoPlayer";
import { formatDate } from "@/lib/format";
import { toPublicVideo } from "@/lib/video";
import { isAdminSession } from "@/server/auth/session";
import { listDeliveries } from "@/server/webhooks/delivery-log";
import { getVideo } from "./get-video";

export default async function WatchPage({ params }: PageProps<"/videos/[id]">) {
  const row = await getVideo((await params).id);
  if (!row) notFound();
  const admin = await isAdminSession();
  const video = toPublicVideo(row, { admin });
  return (
    <article className="space-y-4">
      <VideoPlayer initialVideo={video} />
      <div className="flex items-center gap-3">
        <h1 className="text-xl font-semibold">{video.title}</h1>
        <LiveStatusBadge initialVideo={video} />
      </div>
      <p className="text-sm text-slate-600">Created {formatDate(video.createdAt)}</p>
      {admin && <VideoEvents deliveries={await listDeliveries(row.id)} />}
    </article>
  );
}
