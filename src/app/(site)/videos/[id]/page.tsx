import { notFound } from "next/navigation";
import { AdminVideoPanel } from "@/components/watch/AdminVideoPanel";
import { LiveVideoFacts } from "@/components/watch/LiveVideoFacts";
import { MoreVideos } from "@/components/watch/MoreVideos";
import { PresentedByLine } from "@/components/ui/PresentedByLine";
import { ShareActions } from "@/components/watch/ShareActions";
import { Transcript } from "@/components/watch/Transcript";
import { VideoPlayer } from "@/components/watch/VideoPlayer";
import { VisibilityBand } from "@/components/watch/VisibilityBand";
import { isTerminal, toPublicVideo } from "@/lib/video";
import { isAdminSession } from "@/server/auth/session";
import { publicOrigin } from "@/server/http/public-origin";
import { embedCode } from "@/server/share/embed-code";
import { typicalRenderSeconds } from "@/server/videos/typical-render-time";
import { adminVideoDetail } from "@/server/video-lists/admin-video";
import { moreVideos } from "@/server/video-lists/more-videos";
import { presentedByOfVideo } from "@/server/video-lists/presented-by";
import { videoForPage } from "@/server/watch/video-for-page";
import { storedMediaUrls } from "@/server/media/served-media";
import { planDayOf } from "@/server/review/plan-moment";

export default async function WatchPage({ params }: PageProps<"/videos/[id]">) {
  const row = await videoForPage((await params).id);
  if (!row) notFound();
  const admin = await isAdminSession();
  const video = toPublicVideo(row, { admin }, storedMediaUrls(row));
  const typical = isTerminal(video.status) ? null : await typicalRenderSeconds();
  const presentedBy = await presentedByOfVideo(row.id);
  const adminDetail = admin ? await adminVideoDetail(row.id) : null;
  return (
    <article className="space-y-4">
      <VisibilityBand video={row} planDay={admin && row.rejectedAt ? await planDayOf(row.id) : null} />
      <VideoPlayer initialVideo={video} typicalRenderSeconds={typical} admin={admin} />
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold break-words">{video.title}</h1>
        {video.description && <p className="break-words whitespace-pre-line">{video.description}</p>}
        {presentedBy && <PresentedByLine presentedBy={presentedBy} />}
        <LiveVideoFacts initialVideo={video} />
        <ShareActions initialVideo={video} embedCode={embedCode(publicOrigin(), video).html} />
      </div>
      <Transcript initialVideo={video} script={row.script} />
      {admin && adminDetail && <AdminVideoPanel video={video} detail={adminDetail} />}
      <MoreVideos videos={await moreVideos(row.id)} />
    </article>
  );
}
