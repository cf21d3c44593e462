import { notFound } from "next/navigation";
import { LazyAdminVideoPanel } from "@/components/watch/LazyAdminVideoPanel";
import { LiveVideoFacts } from "@/components/watch/LiveVideoFacts";
import { MoreVideos } from "@/components/watch/MoreVideos";
import { PresentedByLine } from "@/components/ui/PresentedByLine";
import { ShareActions } from "@/components/watch/ShareActions";
import { Transcript } from "@/components/watch/Transcript";
import { VideoPlayer } from "@/components/watch/VideoPlayer";
import { VisibilityBand } from "@/components/watch/VisibilityBand";
import type { Metadata } from "next";
import { isTerminal } from "@/lib/video";
import { publicOrigin } from "@/server/http/public-origin";
import { embedCode } from "@/server/share/embed-code";
import { typicalRenderSeconds } from "@/server/videos/typical-render-time";
import { adminVideoDetail } from "@/server/video-lists/admin-video";
import { moreVideos } from "@/server/video-lists/more-videos";
import { presentedByOfVideo } from "@/server/video-lists/presented-by";
import { isAdminSession } from "@/server/auth/session";
import { initialLanguageFor, pageVideo } from "@/server/watch/video-for-page";
import { shareMetadata } from "@/server/share/share-metadata";
import { planDayOf } from "@/server/review/plan-moment";

/** Opened at `?lang=` naming a translation (issue 19): that URL is the language version's canonical one. */
export async function generateMetadata({ params, searchParams }: PageProps<"/videos/[id]">): Promise<Metadata> {
  const lang = (await searchParams).lang;
  const page = lang ? await pageVideo((await params).id, false) : null;
  if (!page) return {};
  return { alternates: shareMetadata(page.row, publicOrigin(), page.video.languages, lang).alternates };
}

export default async function WatchPage({ params, searchParams }: PageProps<"/videos/[id]">) {
  const admin = await isAdminSession();
  const page = await pageVideo((await params).id, admin);
  if (!page) notFound();
  const { row, video } = page;
  // Tests render the page with its params alone.
  const language = await initialLanguageFor(video, (await (searchParams as typeof searchParams | undefined))?.lang);
  const typical = isTerminal(video.status) ? null : await typicalRenderSeconds();
  const presentedBy = await presentedByOfVideo(row.id);
  const adminDetail = admin ? await adminVideoDetail(row.id) : null;
  return (
    <article className="space-y-4">
      <VisibilityBand video={row} planDay={admin && row.rejectedAt ? await planDayOf(row.id) : null} />
      <VideoPlayer initialVideo={video} initialLanguage={language} typicalRenderSeconds={typical} admin={admin} />
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold break-words">{video.title}</h1>
        {video.description && <p className="break-words whitespace-pre-line">{video.description}</p>}
        {presentedBy && <PresentedByLine presentedBy={presentedBy} />}
        <LiveVideoFacts initialVideo={video} />
        <ShareActions initialVideo={video} embedCode={embedCode(publicOrigin(), video).html} />
      </div>
      <Transcript initialVideo={video} initialLanguage={language} script={row.script} />
      {admin && adminDetail && <LazyAdminVideoPanel video={video} detail={adminDetail} />}
      <MoreVideos videos={await moreVideos(row.id)} />
    </article>
  );
}
