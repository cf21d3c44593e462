"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { AdminVideoActions, type Notice } from "@/components/videos/AdminVideoActions";
import { DeleteVideoDialog } from "@/components/videos/DeleteVideoDialog";
import { NoticeText } from "@/components/videos/NoticeText";
import { VideoFacts } from "@/components/videos/VideoFacts";
import { TranslationOfLine } from "@/components/videos/TranslationOfLine";
import { TranslationsSection } from "@/components/translations/TranslationsSection";
import { focusRing } from "@/components/ui/focus-ring";
import { useAdminVideo } from "@/hooks/use-admin-video";
import type { AdminVideoDetail } from "@/lib/admin-video-detail";
import type { AdminVideo, PublicVideo } from "@/lib/video";
import { AdminVideoSettings } from "./AdminVideoSettings";
import { MediaCopyStatus } from "./MediaCopyStatus";
import { VideoEvents } from "./VideoEvents";

type Props = {
  /** The video as the page's player shows it: the panel follows the same watch. */
  video: PublicVideo;
  detail: AdminVideoDetail;
};

/**
 * Admins only, under the player: what the video was made with (a translation: which language of which video), where
 * its media lives (with a Retry for a copy given up on), the admin list's actions (regenerate; delete, then back to
 * the list), a link back to it, a finished video's translations (issue 19), and HeyGen's deliveries about the video,
 * all live with the player.
 */
export function AdminVideoPanel({ video, detail: initial }: Props) {
  const { data, mutate } = useAdminVideo(video, initial);
  const detail = data ?? initial;
  const router = useRouter();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [deleting, setDeleting] = useState<AdminVideo | null>(null);
  return (
    <>
      <section
        aria-labelledby="admin-video-heading"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="admin-video-heading" className="font-semibold">
            How it was made
          </h2>
          <Link href="/admin/videos" className={`text-sm font-medium text-indigo-700 underline ${focusRing}`}>
            All videos
          </Link>
        </div>
        {detail.video.translationOf ? (
          <>
            <TranslationOfLine translation={detail.video.translationOf} />
            <VideoFacts video={detail.video} />
          </>
        ) : (
          <AdminVideoSettings video={detail.video} settings={detail.settings} />
        )}
        <MediaCopyStatus video={detail.video} bucket={detail.mediaBucket} onChanged={() => void mutate()} />
        <AdminVideoActions
          video={detail.video}
          onNotice={setNotice}
          onChanged={() => void mutate()}
          onDelete={setDeleting}
        />
        {/* Both regions are always there: screen readers announce what later appears in them. */}
        <div role="status" className="text-sm text-emerald-800">
          {notice?.kind === "done" && <NoticeText notice={notice} />}
        </div>
        <div role="alert" className="text-sm text-red-700">
          {notice?.kind === "error" && <NoticeText notice={notice} />}
        </div>
      </section>
      {detail.video.status === "COMPLETED" && !detail.video.translationOf && (
        <TranslationsSection video={detail.video} />
      )}
      <VideoEvents deliveries={detail.deliveries} />
      <DeleteVideoDialog
        key={deleting?.id}
        video={deleting}
        onClose={() => setDeleting(null)}
        // Its page is gone with it: back to the list, which no longer has it.
        onDeleted={() => router.replace("/admin/videos")}
      />
    </>
  );
}
