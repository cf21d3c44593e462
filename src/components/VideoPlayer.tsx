"use client";

import { useState } from "react";
import { useElapsedSeconds } from "@/hooks/use-elapsed-seconds";
import { useVideo } from "@/hooks/use-video";
import { formatDuration } from "@/lib/format";
import { isTerminal, type PublicVideo } from "@/lib/video";
import { ratioOf } from "@/lib/video-format";

/**
 * Plays a video once HeyGen has rendered it. Until then it shows progress, polling
 * /api/videos/[id] every few seconds and stopping as soon as the video is ready or failed.
 */
export function VideoPlayer({ initialVideo }: { initialVideo: PublicVideo }) {
  const { data, error, refreshMedia } = useVideo(initialVideo);
  // The media URL is presigned and may have expired: on a media error, ask once for a fresh one and retry.
  const [retriedUrl, setRetriedUrl] = useState<string | null>(null);
  const video = data ?? initialVideo;
  // Sized from the aspect ratio before anything loads (no layout shift), full width but never taller than
  // 75% of the viewport (portrait videos on wide screens).
  const frame = {
    aspectRatio: video.aspectRatio.replace(":", " / "),
    maxWidth: `min(100%, calc(75vh * ${ratioOf(video.aspectRatio)}))`,
  };

  if (video.status === "COMPLETED" && video.videoUrl) {
    return (
      <video
        key={video.videoUrl}
        src={video.videoUrl}
        poster={video.thumbnailUrl ?? undefined}
        controls
        playsInline
        preload="metadata"
        className="mx-auto w-full rounded-lg bg-black"
        style={frame}
        data-testid="video-ready"
        onError={() => {
          if (retriedUrl !== null) return;
          setRetriedUrl(video.videoUrl);
          void refreshMedia();
        }}
      />
    );
  }

  if (video.status === "FAILED") {
    return (
      <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6 text-red-800" data-testid="video-failed">
        <p className="font-semibold">This video could not be generated.</p>
        <p className="mt-1 text-sm">{video.error ?? "HeyGen did not say why."}</p>
      </div>
    );
  }

  return <GeneratingState video={video} connectionProblem={Boolean(error)} frame={frame} />;
}

function GeneratingState(props: { video: PublicVideo; connectionProblem: boolean; frame: React.CSSProperties }) {
  const { video, connectionProblem, frame } = props;
  const elapsed = useElapsedSeconds(video.createdAt, !isTerminal(video.status));
  return (
    <div
      role="status"
      aria-live="polite"
      className="mx-auto flex w-full flex-col items-center justify-center gap-3 rounded-lg bg-slate-900 p-6 text-center text-slate-100"
      style={frame}
      data-testid="video-generating"
    >
      <span className="size-10 animate-spin rounded-full border-4 border-slate-600 border-t-white" aria-hidden />
      <p className="text-lg font-medium">
        {video.status === "PENDING"
          ? video.unconfirmed
            ? "Waiting for HeyGen to confirm this video…"
            : "Waiting for HeyGen to start…"
          : "Generating your video…"}
      </p>
      <p className="text-sm text-slate-400">
        {elapsed === null ? "\u00a0" : `${formatDuration(elapsed)} elapsed`} · this page updates by itself
      </p>
      {connectionProblem && <p className="text-sm text-amber-300">Connection problem, retrying…</p>}
    </div>
  );
}
