"use client";

import { useRef, useState } from "react";
import { useSWRConfig } from "swr";
import type { Notice } from "@/components/videos/AdminVideoActions";
import { AdminVideoPagination } from "@/components/videos/AdminVideoPagination";
import { AdminVideoRow } from "@/components/videos/AdminVideoRow";
import { DeleteVideoDialog } from "@/components/videos/DeleteVideoDialog";
import { NoticeText } from "@/components/videos/NoticeText";
import { isVideosKey, useVideos } from "@/hooks/use-videos";
import type { AdminVideo, VideoDeletion } from "@/lib/video";
import type { AdminVideoPage, VideoListQuery } from "@/lib/video-list-query";

const AT_HEYGEN: Record<VideoDeletion["heygen"], string> = {
  deleted: " here and at HeyGen",
  already_gone: " (HeyGen had already deleted it)",
  no_job: " (HeyGen never confirmed a job for it, so there was nothing to delete there)",
  not_asked: "",
};

/**
 * One page of every video, live while any of them renders, with each video's actions. What an action did is said
 * in one place, read out by screen readers.
 */
export function AdminVideoList({ query, initialPage }: { query: VideoListQuery; initialPage: AdminVideoPage }) {
  const { data, mutate: refresh } = useVideos(query, initialPage);
  const { mutate } = useSWRConfig();
  const page = data ?? initialPage;
  const [notice, setNotice] = useState<Notice | null>(null);
  const [deleting, setDeleting] = useState<AdminVideo | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const refreshAll = () => void mutate(isVideosKey);

  function deleted(video: AdminVideo, deletion: VideoDeletion) {
    setDeleting(null);
    setNotice({ kind: "done", message: `Deleted “${video.title}”${AT_HEYGEN[deletion.heygen]}.` });
    // Its row is gone at once; the other views (filters, pages) are read again.
    void refresh((current) => current && { ...current, videos: current.videos.filter((row) => row.id !== video.id) }, {
      revalidate: false,
    });
    refreshAll();
    heading.current?.focus(); // its buttons went with it
  }

  return (
    <section aria-labelledby="video-list-heading">
      <h2 id="video-list-heading" ref={heading} tabIndex={-1} className="sr-only">
        {describe(query)}
      </h2>
      {/* Both regions are always there (empty, they take no room): screen readers announce what later appears in them. */}
      <div role="status" className="text-sm text-emerald-800">
        {notice?.kind === "done" && <NoticeText notice={notice} className="mt-3" />}
      </div>
      <div role="alert" className="text-sm text-red-700">
        {notice?.kind === "error" && <NoticeText notice={notice} className="mt-3" />}
      </div>
      {page.videos.length === 0 ? (
        <p className="mt-3 rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-slate-600">
          {query.cursor
            ? "No older videos."
            : query.status !== "all" || query.copy !== "all" || query.q
              ? "No video matches these filters."
              : "No videos yet: make one in the Studio."}
        </p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white px-3 sm:px-4">
          {page.videos.map((video) => (
            <AdminVideoRow
              key={video.id}
              video={video}
              onNotice={setNotice}
              onChanged={refreshAll}
              onDelete={setDeleting}
            />
          ))}
        </ul>
      )}
      <AdminVideoPagination query={query} nextCursor={page.nextCursor} />
      <DeleteVideoDialog key={deleting?.id} video={deleting} onClose={() => setDeleting(null)} onDeleted={deleted} />
    </section>
  );
}

function describe({ status, copy, q, cursor }: VideoListQuery): string {
  const which = status === "all" ? "All videos" : `${status[0]!.toUpperCase()}${status.slice(1)} videos`;
  return `${which}${copy === "all" ? "" : COPY_WORDS[copy]}${q ? ` matching “${q}”` : ""}${cursor ? ", older page" : ""}`;
}

const COPY_WORDS = { stored: " stored by us", copying: " being copied", failed: " whose copy failed" } as const;
